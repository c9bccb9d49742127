#ifndef RECEPTIVE_CZEROMQ_SHIM_H
#define RECEPTIVE_CZEROMQ_SHIM_H
#include <zmq.h>
#endif
