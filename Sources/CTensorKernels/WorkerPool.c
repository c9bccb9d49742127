// The worker threads ParallelLoop runs chunks on (see ParallelLoop.swift for why they are not
// libdispatch's): every pthread, atomic and futex-free wait of the tensor core is in this file.
//
// One job at a time. A job is published in one 64-bit word — generation, chunk count, next
// unclaimed chunk — so a thread claims a chunk with one compare-and-swap on it, and a claim
// succeeds only while that job is current and has chunks left. The job's function and context
// are written before the word is published and only rewritten after every chunk is done, so a
// thread whose claim succeeded has read them while they held that job (the claim would have
// failed had the word moved on). The caller claims chunks too, then waits for the chunks the
// workers are still running.
//
// After a job a worker spins (the `pause` instruction, checking the word) for up to
// `receptive_pool_spin_ns` before sleeping on the condition variable: back-to-back jobs — a
// training step, a `timeit` loop — then start without a wake-up, which on this project's
// 2-core KVM machine cost 50–100 µs (a 1024² matrix × vector split over two cores through
// libdispatch: 0.103–0.116 ms, one core 0.090 ms, two spinning workers 0.048 ms; C harness,
// medians of 1,001 calls). OpenBLAS's and OpenMP's workers do the same (OpenBLAS spins far
// longer); the bound keeps an idle kernel from burning a core.
#include "include/CTensorKernels.h"
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

enum {
    generationBits = 24,
    countBits = 20,
    countMask = (1 << countBits) - 1,
    maximumWorkers = 63,
};

/// How long an idle worker keeps polling for the next job before it sleeps.
static const long receptive_pool_spin_ns = 200000;

static _Atomic uint64_t word;           // generation << 40 | chunk count << 20 | next chunk
static _Atomic(ReceptivePoolChunk) jobFunction;
static _Atomic(void *) jobContext;
static atomic_long chunksDone;
static atomic_flag busy = ATOMIC_FLAG_INIT;
static atomic_int sleepers;
static pthread_mutex_t sleepLock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wakeUp = PTHREAD_COND_INITIALIZER;
static pthread_once_t started = PTHREAD_ONCE_INIT;
static long workerCount;

static inline uint64_t count_of(uint64_t w) { return (w >> countBits) & countMask; }
static inline uint64_t next_of(uint64_t w) { return w & countMask; }
static inline int claimable(uint64_t w) { return next_of(w) < count_of(w); }

static inline void relax(void) {
#if defined(__x86_64__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}

static long monotonic_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec * 1000000000L + now.tv_nsec;
}

/// Claims and runs chunks of the current job until none is left; returns whether it ran any.
static int run_chunks(void) {
    int ran = 0;
    for (;;) {
        uint64_t w = atomic_load(&word);
        if (!claimable(w)) return ran;
        ReceptivePoolChunk function = atomic_load(&jobFunction);
        void *context = atomic_load(&jobContext);
        if (!atomic_compare_exchange_weak(&word, &w, w + 1)) continue;
        function(context, (long)next_of(w));
        atomic_fetch_add(&chunksDone, 1);
        ran = 1;
    }
}

static void *worker_main(void *unused) {
    (void)unused;
    for (;;) {
        long spinStart = monotonic_ns();
        for (int polls = 0;; polls++) {
            if (claimable(atomic_load(&word))) break;
            relax();
            if ((polls & 63) == 63 && monotonic_ns() - spinStart > receptive_pool_spin_ns) {
                // Sleep. `sleepers` and `word` are both sequentially consistent: either the
                // publisher sees this sleeper and broadcasts under the lock, or the check
                // below sees its job (no lost wake-up).
                pthread_mutex_lock(&sleepLock);
                atomic_fetch_add(&sleepers, 1);
                while (!claimable(atomic_load(&word))) pthread_cond_wait(&wakeUp, &sleepLock);
                atomic_fetch_sub(&sleepers, 1);
                pthread_mutex_unlock(&sleepLock);
                break;
            }
        }
        run_chunks();
    }
    return NULL;
}

static void start_workers(void) {
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    long wanted = cores > 1 ? cores - 1 : 0;
    if (wanted > maximumWorkers) wanted = maximumWorkers;
    for (long i = 0; i < wanted; i++) {
        pthread_t thread;
        pthread_attr_t attributes;
        pthread_attr_init(&attributes);
        pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
        // A thread that could not be made leaves fewer workers: the caller runs the rest.
        if (pthread_create(&thread, &attributes, worker_main, NULL) == 0) workerCount++;
        pthread_attr_destroy(&attributes);
    }
}

long receptive_pool_run(long chunks, ReceptivePoolChunk function, void *context) {
    if (chunks <= 0) return 0;
    pthread_once(&started, start_workers);
    // One job at a time: a second caller (another thread, or a chunk that splits its own
    // loop) runs its chunks itself, in order.
    if (chunks == 1 || chunks > countMask || workerCount == 0 || atomic_flag_test_and_set(&busy)) {
        for (long chunk = 0; chunk < chunks; chunk++) function(context, chunk);
        return 0;
    }
    atomic_store(&jobFunction, function);
    atomic_store(&jobContext, context);
    atomic_store(&chunksDone, 0);
    uint64_t generation = (atomic_load(&word) >> (2 * countBits)) + 1;
    atomic_store(&word, (generation << (2 * countBits)) | ((uint64_t)chunks << countBits));
    if (atomic_load(&sleepers) > 0) {
        pthread_mutex_lock(&sleepLock);
        pthread_cond_broadcast(&wakeUp);
        pthread_mutex_unlock(&sleepLock);
    }
    run_chunks();
    // The chunks still running on workers: spin briefly, then yield the core (a worker that
    // another process preempted may need it).
    for (long polls = 0; atomic_load(&chunksDone) < chunks; polls++) {
        if (polls < 4096) relax();
        else sched_yield();
    }
    atomic_flag_clear(&busy);
    return workerCount;
}
