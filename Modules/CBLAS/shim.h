// OpenBLAS's CBLAS interface (Debian: libopenblas-dev), for the MiniLM encoder's matrix products.
#include <cblas.h>
