// The one way libzvdj runs work on several threads: one thread-count rule and
// a group of threads that is always joined, also when the work throws.
#ifndef ZVDJ_INTERNAL_PARALLEL_H_
#define ZVDJ_INTERNAL_PARALLEL_H_

#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace zvdj::internal {

// Threads to use for a requested count: `requested` when positive, otherwise
// one per core; never more than kMaxThreads.
inline constexpr int kMaxThreads = 64;
int ThreadCount(int requested);

// Up to `extra` threads running `fn` beside the calling thread. When the
// system refuses a thread the work is done by fewer (the caller's share grows).
// The destructor joins them all. An exception thrown by `fn` on a thread is
// kept and rethrown by Join() on the calling thread (the first one only).
class ThreadGroup {
 public:
  ThreadGroup(int extra, std::function<void()> fn);
  ThreadGroup(const ThreadGroup&) = delete;
  ThreadGroup& operator=(const ThreadGroup&) = delete;
  ~ThreadGroup() { JoinQuietly(); }

  size_t started() const { return threads_.size(); }
  // Joins every thread, then rethrows the first exception one of them threw.
  void Join();
  // Joins every thread; exceptions of the threads are dropped.
  void JoinQuietly() noexcept;

 private:
  std::function<void()> fn_;
  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::exception_ptr error_;
};

// Runs fn(0) ... fn(parts - 1), each part on its own thread (part 0 on the
// calling thread; parts whose thread the system refuses also run there), and
// returns when all are done. An exception of any part is rethrown here after
// every thread is joined.
void ParallelFor(size_t parts, const std::function<void(size_t)>& fn);

}  // namespace zvdj::internal

#endif  // ZVDJ_INTERNAL_PARALLEL_H_
