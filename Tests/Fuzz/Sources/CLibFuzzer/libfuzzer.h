// libFuzzer's entry for programs that have their own main (compiler-rt's FuzzerInterface.h), linked by
// -sanitize=fuzzer, and the test function each fuzz target defines.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test_one_input)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
