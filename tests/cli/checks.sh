# Counted checks for the shell tests (cli_test.sh, bad_input_test.sh). Source it after lib.sh.
# A script may define failure_detail to print what helps with a failed check; by default it
# prints the start of $work/out and $work/err. The script ends with its own summary of passed and failed.

passed=0
failed=0

failure_detail() {
  echo "  stdout: $(head -c 400 "$work/out")"
  echo "  stderr: $(head -c 400 "$work/err")"
}

check() {  # check NAME CONDITION-COMMAND...
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name"
    failure_detail
  fi
}
