#include "zvdj/internal/parallel.h"

#include <algorithm>
#include <atomic>
#include <system_error>
#include <utility>

namespace zvdj::internal {

int ThreadCount(int requested) {
  if (requested > 0) return std::min(requested, kMaxThreads);
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(std::min<unsigned>(cores, kMaxThreads));
}

ThreadGroup::ThreadGroup(int extra, std::function<void()> fn) : fn_(std::move(fn)) {
  const auto body = [this] {
    try {
      fn_();
    } catch (...) {
      std::lock_guard<std::mutex> lock(mu_);
      if (!error_) error_ = std::current_exception();
    }
  };
  for (int t = 0; t < extra; ++t) {
    try {
      threads_.emplace_back(body);
    } catch (const std::system_error&) {
      break;  // fewer threads
    } catch (const std::bad_alloc&) {
      break;
    }
  }
}

void ThreadGroup::JoinQuietly() noexcept {
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
}

void ThreadGroup::Join() {
  JoinQuietly();
  std::exception_ptr e;
  {
    std::lock_guard<std::mutex> lock(mu_);
    e = std::exchange(error_, nullptr);
  }
  if (e) std::rethrow_exception(e);
}

void ParallelFor(size_t parts, const std::function<void(size_t)>& fn) {
  if (parts == 0) return;
  // Parts are handed out in order; a thread takes the next until none is left.
  std::atomic<size_t> next{1};
  const auto take = [&] {
    for (size_t k; (k = next.fetch_add(1)) < parts;) fn(k);
  };
  ThreadGroup group(static_cast<int>(std::min<size_t>(parts - 1, kMaxThreads)), take);
  try {
    fn(0);
    take();
  } catch (...) {
    next = parts;  // hand out nothing more
    group.JoinQuietly();
    throw;
  }
  group.Join();
}

}  // namespace zvdj::internal
