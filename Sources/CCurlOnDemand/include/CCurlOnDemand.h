// The libcurl functions Foundation's URLSession calls, defined in curl_on_demand.c for release builds on Linux.
// Nothing to include from Swift: the definitions only need to be linked into the executable.
