# Shared by the scripts: where the kit is, which labs exist, and how to name one.
# Source it; it defines KIT_ROOT, die, lab_names and resolve_lab.

KIT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

die() {
  echo "error: $*" >&2
  exit 2
}

# Prints the lab folder names, one per line: lab1-http-api ...
lab_names() {
  local dir
  for dir in "$KIT_ROOT"/labs/lab[0-9]*/; do
    [ -f "$dir/pom.xml" ] && basename "$dir"
  done
}

# resolve_lab lab1 -> lab1-http-api; accepts the full name, the short labN form, or a plain number.
resolve_lab() {
  local wanted="$1" name
  [[ "$wanted" =~ ^[0-9]+$ ]] && wanted="lab$wanted"
  while read -r name; do
    if [ "$name" = "$wanted" ] || [ "${name%%-*}" = "$wanted" ]; then
      echo "$name"
      return 0
    fi
  done < <(lab_names)
  return 1
}

unknown_lab() {
  echo "error: there is no lab called '$1'. The labs are:" >&2
  lab_names | sed 's/^/  /' >&2
  echo "You can name a lab in full (lab1-http-api) or short (lab1)." >&2
  exit 2
}
