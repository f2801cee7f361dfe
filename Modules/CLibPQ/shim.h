// libpq, PostgreSQL's C client library (Debian: libpq-dev).
#include <libpq-fe.h>

// The readiness API ToolOpsPostgres waits on libpq's sockets with (Glibc's module map leaves it out).
#ifdef __linux__
#include <sys/epoll.h>
#include <sys/eventfd.h>
#endif
