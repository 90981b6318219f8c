# Builds what grading needs, once (or again when the kit's sources changed): the grader, and each
# lab's compiled tests and classpath. Source it after labs.sh; defines build_grader and run_grader.

GRADER_JAR="$KIT_ROOT/labs/grader/target/funclab-grader.jar"

build_grader() {
  local modules="labs/grader" lab
  for lab in $(lab_names); do modules="$modules,labs/$lab"; done
  if [ -f "$GRADER_JAR" ] && [ -z "$(find "$KIT_ROOT/pom.xml" "$KIT_ROOT"/labs/{azurite,runtime,standins,testkit,grader} \
      "$KIT_ROOT"/labs/lab[0-9]*/src/test "$KIT_ROOT"/labs/lab[0-9]*/pom.xml -newer "$GRADER_JAR" -type f \
      -not -path '*/target/*' -print -quit)" ]; then
    return 0
  fi
  command -v mvn >/dev/null || die "Maven (mvn) is not installed. Install Maven 3.8+ and Java 17+, then try again."
  echo "Building the grader and the labs' tests (once) ..." >&2
  (cd "$KIT_ROOT" && mvn -q -B -DskipTests package -pl "$modules" -am) || die "the kit did not build"
  touch "$GRADER_JAR"
}

run_grader() {
  build_grader
  exec java -jar "$GRADER_JAR" --kit "$KIT_ROOT" "$@"
}
