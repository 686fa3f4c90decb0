import CMalloc

/// How the process hands memory back to the system.
enum LargeAllocations {
    /// Makes every allocation of 128 KB or more a mapping of its own, given back to the system when it is freed.
    ///
    /// glibc otherwise raises that threshold each time such a block is freed, up to 32 MB, after which response
    /// bodies of several megabytes come from the heap and stay resident once freed: a dashboard that had followed
    /// two 9 MB bodies kept about 20 MB it no longer used. Elsewhere this does nothing.
    static func returnToTheSystemWhenFreed() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 128 * 1024)
        #endif
    }
}
