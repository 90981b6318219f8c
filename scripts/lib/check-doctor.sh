#!/usr/bin/env bash
# Tests scripts/doctor on this machine: silent with exit 0 when the machine is ready, and exit 1 naming
# the problem and its fix when Node.js is missing, when the host's port is taken, or when Java is too old;
# the port from a lab's settings, Azurite's ports only for labs that use them, and scripts/run stopping
# before its build. Needs a ready machine (Java 17+, Maven, Node.js 20+ with npm); builds nothing.
#
#   scripts/lib/check-doctor.sh      one PASS, FAIL or SKIP line per case; exits 1 on any FAIL
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/labs.sh"

doctor="$KIT_ROOT/scripts/doctor"
work="$(mktemp -d)"
listeners=()
# Every listener started here is stopped, however the script ends.
cleanup() {
  local pid
  for pid in ${listeners[@]+"${listeners[@]}"}; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

failures=0
pass() { echo "PASS  $1"; }
skip() { echo "SKIP  $1"; }
# fail <case> <the doctor's output>
fail() {
  echo "FAIL  $1"
  failures=$((failures + 1))
  [ -z "${2:-}" ] || sed 's/^/      | /' <<<"$2"
}

# Runs the doctor with the given environment and arguments; sets out (stdout and stderr) and rc.
run_doctor() {
  rc=0
  out="$(env "$@" 2>&1)" || rc=$?
}

# Whether something listens on TCP port $1 (ss sees every address; else try to connect).
listening() {
  local ss_out
  if command -v ss >/dev/null 2>&1 && ss_out="$(ss -ltn "sport = :$1" 2>/dev/null)"; then
    [ -n "$(sed 1d <<<"$ss_out")" ]
    return
  fi
  timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# A port nothing listens on, away from the kit's own (7071-7073, 10000-10002).
free_port() {
  local port _
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    listening "$port" || { echo "$port"; return; }
  done
  echo "no free port found" >&2
  return 1
}

# Starts a TCP listener on 127.0.0.1:$1 in the background (python3's http.server, else nc), waits until
# it listens, and records its pid for cleanup. Fails when neither tool is there.
start_listener() {
  local port="$1" python attempt
  # pyenv and similar put a shim first on PATH that does not exec; the real interpreter's pid is the one to kill.
  python="$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null || true)"
  for attempt in python nc-openbsd nc-traditional; do
    case "$attempt" in
      python) [ -n "$python" ] || continue
        "$python" -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1 & ;;
      nc-openbsd) command -v nc >/dev/null 2>&1 || continue
        nc -l 127.0.0.1 "$port" </dev/null >/dev/null 2>&1 & ;;
      nc-traditional) command -v nc >/dev/null 2>&1 || continue
        nc -l -p "$port" </dev/null >/dev/null 2>&1 & ;;
    esac
    listeners+=($!)
    for _ in $(seq 1 50); do
      listening "$port" && return 0
      kill -0 "${listeners[${#listeners[@]}-1]}" 2>/dev/null || break
      sleep 0.1
    done
  done
  return 1
}

# A lab folder of one's own, with a local.settings.json (given as $2) and no functions.
fake_lab() {
  mkdir -p "$work/$1"
  printf '%s\n' "$2" >"$work/$1/local.settings.json"
  echo "$work/$1"
}

# (a) A ready machine with the kit's ports free: --quick says nothing and exits 0.
if listening 7071 || listening 10000 || listening 10001 || listening 10002; then
  skip "(a) doctor --quick on this machine: port 7071 or 10000-10002 is in use here, so it would rightly complain"
else
  run_doctor "$doctor" --quick
  if [ "$rc" = 0 ] && [ -z "$out" ]; then pass "(a) doctor --quick on this machine exits 0 and prints nothing"
  else fail "(a) doctor --quick on this machine should exit 0 silently, exited $rc" "$out"; fi
fi

port="$(free_port)"

# (b) Without node and npm on PATH: exit 1, naming Node.js 20 and a fix. PATH becomes one folder of
# links to every other program on it, so Java, Maven and the shell tools still work.
nopath="$work/path-without-node"
mkdir -p "$nopath"
IFS=: read -r -a path_dirs <<<"$PATH"
for dir in "${path_dirs[@]}"; do
  [ -d "$dir" ] || continue
  for program in "$dir"/*; do
    name="${program##*/}"
    case "$name" in node|nodejs|npm|npx|corepack) continue ;; esac
    [ -f "$program" ] && [ -x "$program" ] && [ ! -e "$nopath/$name" ] && ln -s "$program" "$nopath/$name"
  done
done
run_doctor PATH="$nopath" "$doctor" --quick --port "$port"
if [ "$rc" = 1 ] && grep -q 'Node.js 20' <<<"$out" && grep -A1 '^PROBLEM.*Node.js' <<<"$out" | grep -q 'fix: '; then
  pass "(b) without node on PATH, doctor --quick exits 1 naming Node.js 20 and a fix"
else
  fail "(b) without node on PATH, doctor --quick should exit 1 naming Node.js 20 and a fix; exited $rc" "$out"
fi

# (c) Another program on the host's port (--port): exit 1, naming the port and a fix.
busy="$(free_port)"
if ! start_listener "$busy"; then
  skip "(c) port in use: neither python3 nor nc could start a listener"
else
  run_doctor "$doctor" --quick --port "$busy"
  if [ "$rc" = 1 ] && grep -q "port $busy" <<<"$out" && grep -A1 "^PROBLEM.*port $busy" <<<"$out" | grep -q 'fix: .*--port'; then
    pass "(c) with port $busy taken, doctor --quick --port $busy exits 1 naming the port and a fix"
  else
    fail "(c) with port $busy taken, doctor --quick --port $busy should exit 1 naming the port and a fix; exited $rc" "$out"
  fi
fi

# (d) A Java 11 first on PATH: exit 1, naming Java 17. Anything but -version goes to the real java,
# so that Maven (which runs 'java' from PATH when JAVA_HOME is unset) still works.
fakejava="$work/fake-java"
mkdir -p "$fakejava"
real_java="$(command -v java || echo java)"
cat >"$fakejava/java" <<EOF
#!/bin/sh
if [ "\$1" = "-version" ]; then
  echo 'openjdk version "11.0.2" 2019-01-15' >&2
  echo 'OpenJDK Runtime Environment 18.9 (build 11.0.2+9)' >&2
  exit 0
fi
exec "$real_java" "\$@"
EOF
chmod +x "$fakejava/java"
run_doctor PATH="$fakejava:$PATH" "$doctor" --quick --port "$port"
if [ "$rc" = 1 ] && grep -q 'Java 11.0.2' <<<"$out" && grep -A1 '^PROBLEM.*Java 17' <<<"$out" | grep -q 'fix: '; then
  pass "(d) with Java 11 first on PATH, doctor --quick exits 1 naming Java 17 and a fix"
else
  fail "(d) with Java 11 first on PATH, doctor --quick should exit 1 naming Java 17 and a fix; exited $rc" "$out"
fi

# (e) The port comes from Host.LocalHttpPort in the lab's settings when --port is not given.
if [ -n "$busy" ] && listening "$busy"; then
  lab="$(fake_lab lab-port "{\"Values\": {}, \"Host\": {\"LocalHttpPort\": $busy}}")"
  run_doctor "$doctor" --quick --lab "$lab"
  if [ "$rc" = 1 ] && grep -q "port $busy" <<<"$out"; then
    pass "(e) doctor --quick --lab checks the lab's Host.LocalHttpPort ($busy)"
  else
    fail "(e) doctor --quick --lab should check the lab's Host.LocalHttpPort ($busy); exited $rc" "$out"
  fi
fi

# (f) Port 10000 taken by something that is not Azurite: a problem for a lab that uses Azurite (Lab 2),
# none for a lab whose settings do not say UseDevelopmentStorage=true.
if listening 10000; then
  skip "(f) Azurite's port: 10000 is in use here already"
elif ! start_listener 10000; then
  skip "(f) Azurite's port: neither python3 nor nc could start a listener"
else
  run_doctor "$doctor" --quick --lab lab2 --port "$port"
  if [ "$rc" = 1 ] && grep -A1 '^PROBLEM.*port 10000' <<<"$out" | grep -q 'fix: '; then
    pass "(f) with port 10000 taken, doctor --quick --lab lab2 exits 1 naming port 10000 and a fix"
  else
    fail "(f) with port 10000 taken, doctor --quick --lab lab2 should exit 1 naming port 10000 and a fix; exited $rc" "$out"
  fi
  lab="$(fake_lab lab-cloud-storage '{"Values": {"AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=example"}}')"
  run_doctor "$doctor" --quick --lab "$lab" --port "$port"
  if [ "$rc" = 0 ] && [ -z "$out" ]; then
    pass "(f) with port 10000 taken, a lab without UseDevelopmentStorage=true passes doctor --quick"
  else
    fail "(f) with port 10000 taken, a lab without UseDevelopmentStorage=true should pass doctor --quick; exited $rc" "$out"
  fi
  kill "${listeners[${#listeners[@]}-1]}" 2>/dev/null || true
fi

# (g) scripts/run stops before building when the doctor finds a problem (here: its --port is taken).
# Its mvn is a stand-in that answers 'mvn -v' and refuses to build, so that a doctor gone wrong
# makes this case fail instead of building and starting a host.
if [ -n "$busy" ] && listening "$busy"; then
  fakemvn="$work/fake-mvn"
  mkdir -p "$fakemvn"
  cat >"$fakemvn/mvn" <<EOF
#!/bin/sh
case " \$* " in *" -v "*|*" --version "*) exec "$(command -v mvn || echo mvn)" "\$@" ;; esac
echo "check-doctor: scripts/run went on to build (mvn \$*)" >&2
exit 3
EOF
  chmod +x "$fakemvn/mvn"
  rc=0
  out="$(PATH="$fakemvn:$PATH" "$KIT_ROOT/scripts/run" lab1 --port "$busy" 2>&1)" || rc=$?
  if [ "$rc" != 0 ] && grep -q "port $busy" <<<"$out" && grep -q 'fix the problems above' <<<"$out" && ! grep -qE '^Building|went on to build' <<<"$out"; then
    pass "(g) scripts/run lab1 --port $busy stops before the build, with the doctor's problem"
  else
    fail "(g) scripts/run lab1 --port $busy should stop before the build with the doctor's problem; exited $rc" "$out"
  fi
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures case(s) failed"
  exit 1
fi
echo "scripts/doctor: all cases passed"
