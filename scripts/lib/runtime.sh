# Builds the runtime jar once (or when its sources changed) and runs a class from it.
# Source it after labs.sh; defines run_runtime_class.

run_runtime_class() {
  local jar="$KIT_ROOT/labs/runtime/target/funclab-runtime.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$KIT_ROOT/labs/runtime/src" "$KIT_ROOT/labs/azurite/src" -newer "$jar" -print -quit)" ]; then
    command -v mvn >/dev/null || die "Maven (mvn) is not installed. Install Maven 3.8+ and Java 17+, then try again."
    echo "Building the kit's runtime ..." >&2
    (cd "$KIT_ROOT" && mvn -q -B -DskipTests -pl labs/runtime -am package) || die "the runtime did not build"
  fi
  local class="$1"
  shift
  exec java -cp "$jar" "$class" "$@"
}
