#ifndef RECEPTIVE_CPNG_SHIM_H
#define RECEPTIVE_CPNG_SHIM_H
#include <png.h>
#endif
