// Release builds on Linux link Foundation statically, and its URLSession calls libcurl. Linked as a shared library,
// libcurl and the thirty libraries it needs (TLS, Kerberos, LDAP, SSH…) were loaded and bound at every start: about
// 6 ms of each command, though most commands (`open`, `show --file`, `list`, the dashboard's first frame) never
// use the network. These definitions of the functions URLSession calls load libcurl on the first call instead.
//
// The three variadic functions pass on their one argument as a pointer-sized integer. Every option URLSession
// sets and every answer it reads is a long, a curl_off_t, a pointer or a function pointer, all passed the same
// way on the 64-bit Linux ABIs this is built for.
#if defined(YLYTIC_CURL_ON_DEMAND)

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#define CURL_FUNCTIONS(X) \
    X(curl_easy_cleanup) X(curl_easy_getinfo) X(curl_easy_init) X(curl_easy_pause) X(curl_easy_setopt) \
    X(curl_easy_strerror) X(curl_free) X(curl_global_init) X(curl_multi_add_handle) X(curl_multi_assign) \
    X(curl_multi_cleanup) X(curl_multi_info_read) X(curl_multi_init) X(curl_multi_remove_handle) \
    X(curl_multi_setopt) X(curl_multi_socket_action) X(curl_slist_append) X(curl_slist_free_all) X(curl_url) \
    X(curl_url_get) X(curl_url_set) X(curl_version) X(curl_version_info)

#define AS_INDEX(name) index_##name,
enum { CURL_FUNCTIONS(AS_INDEX) function_count };
#define AS_NAME(name) #name,
static const char *const names[function_count] = { CURL_FUNCTIONS(AS_NAME) };
static void *functions[function_count];
static pthread_once_t loaded = PTHREAD_ONCE_INIT;

/// Exit status when libcurl cannot be loaded: the network cannot be used (ylytic's "network problem").
enum { network_unavailable = 4 };

static void load(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        dprintf(STDERR_FILENO, "ylytic: the network needs libcurl (libcurl.so.4), which cannot be loaded: %s\n",
            dlerror());
        _exit(network_unavailable);
    }
    for (int index = 0; index < function_count; index++) {
        functions[index] = dlsym(library, names[index]);
        if (functions[index] == NULL) {
            dprintf(STDERR_FILENO, "ylytic: libcurl.so.4 has no %s; a newer libcurl is needed\n", names[index]);
            _exit(network_unavailable);
        }
    }
}

static void *function(int index) {
    pthread_once(&loaded, load);
    return functions[index];
}

typedef void *pointer;
#define CALL(name, type) ((type)function(index_##name))

int curl_global_init(long flags) { return CALL(curl_global_init, int (*)(long))(flags); }
pointer curl_version_info(int age) { return CALL(curl_version_info, pointer (*)(int))(age); }
char *curl_version(void) { return CALL(curl_version, char *(*)(void))(); }
void curl_free(void *text) { CALL(curl_free, void (*)(void *))(text); }

pointer curl_easy_init(void) { return CALL(curl_easy_init, pointer (*)(void))(); }
void curl_easy_cleanup(pointer easy) { CALL(curl_easy_cleanup, void (*)(pointer))(easy); }
int curl_easy_pause(pointer easy, int mask) { return CALL(curl_easy_pause, int (*)(pointer, int))(easy, mask); }
const char *curl_easy_strerror(int code) { return CALL(curl_easy_strerror, const char *(*)(int))(code); }

// The variadic functions: `name(handle, key, value)`, the one value passed on as it came.
#define FORWARD_ONE_VALUE(name)                                                \
    int name(pointer handle, int key, ...) {                                   \
        va_list arguments;                                                     \
        va_start(arguments, key);                                              \
        pointer value = va_arg(arguments, pointer);                            \
        va_end(arguments);                                                     \
        return CALL(name, int (*)(pointer, int, ...))(handle, key, value);     \
    }

FORWARD_ONE_VALUE(curl_easy_setopt)
FORWARD_ONE_VALUE(curl_easy_getinfo)
FORWARD_ONE_VALUE(curl_multi_setopt)

pointer curl_multi_init(void) { return CALL(curl_multi_init, pointer (*)(void))(); }
int curl_multi_cleanup(pointer multi) { return CALL(curl_multi_cleanup, int (*)(pointer))(multi); }
int curl_multi_add_handle(pointer multi, pointer easy) {
    return CALL(curl_multi_add_handle, int (*)(pointer, pointer))(multi, easy);
}
int curl_multi_remove_handle(pointer multi, pointer easy) {
    return CALL(curl_multi_remove_handle, int (*)(pointer, pointer))(multi, easy);
}
int curl_multi_assign(pointer multi, int socket, pointer data) {
    return CALL(curl_multi_assign, int (*)(pointer, int, pointer))(multi, socket, data);
}
pointer curl_multi_info_read(pointer multi, int *waiting) {
    return CALL(curl_multi_info_read, pointer (*)(pointer, int *))(multi, waiting);
}
int curl_multi_socket_action(pointer multi, int socket, int events, int *running) {
    return CALL(curl_multi_socket_action, int (*)(pointer, int, int, int *))(multi, socket, events, running);
}

pointer curl_slist_append(pointer list, const char *text) {
    return CALL(curl_slist_append, pointer (*)(pointer, const char *))(list, text);
}
void curl_slist_free_all(pointer list) { CALL(curl_slist_free_all, void (*)(pointer))(list); }

pointer curl_url(void) { return CALL(curl_url, pointer (*)(void))(); }
int curl_url_get(pointer url, int part, char **text, unsigned int flags) {
    return CALL(curl_url_get, int (*)(pointer, int, char **, unsigned int))(url, part, text, flags);
}
int curl_url_set(pointer url, int part, const char *text, unsigned int flags) {
    return CALL(curl_url_set, int (*)(pointer, int, const char *, unsigned int))(url, part, text, flags);
}

#endif
