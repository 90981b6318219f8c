# Builds the stand-ins jar once (or when its sources changed) and runs it.
# Source it after labs.sh; defines STANDINS_JAR, build_standins and run_standins.

STANDINS_JAR="$KIT_ROOT/labs/standins/target/funclab-standins.jar"

build_standins() {
  if [ ! -f "$STANDINS_JAR" ] || [ -n "$(find "$KIT_ROOT"/labs/{standins,azurite}/src/main "$KIT_ROOT"/labs/{standins,azurite}/pom.xml "$KIT_ROOT/pom.xml" \
      -newer "$STANDINS_JAR" -print -quit)" ]; then
    command -v mvn >/dev/null || die "Maven (mvn) is not installed. Install Maven 3.8+ and Java 17+, then try again."
    echo "Building the kit's stand-ins ..." >&2
    (cd "$KIT_ROOT" && mvn -q -B -Dmaven.test.skip=true -pl labs/standins -am package) || die "the stand-ins did not build"
  fi
}

# run_standins <subcommand> [args]: start, messenger-send, mailbox (see java -jar funclab-standins.jar --help)
run_standins() {
  build_standins
  exec java -jar "$STANDINS_JAR" "$@"
}
