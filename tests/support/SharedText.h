#pragma once

#include <mutex>
#include <ostream>
#include <streambuf>
#include <string>

namespace tisheng::test {

/// An output stream whose text may be read while other threads write to it (a log under test).
class SharedText : private std::streambuf, public std::ostream {
 public:
  SharedText() : std::ostream(this) {}
  std::string text() const {
    std::lock_guard lock(mutex_);
    return text_;
  }

 private:
  std::streamsize xsputn(const char* bytes, std::streamsize count) override {
    std::lock_guard lock(mutex_);
    text_.append(bytes, static_cast<std::size_t>(count));
    return count;
  }
  using Traits = std::streambuf::traits_type;
  std::streambuf::int_type overflow(std::streambuf::int_type c) override {
    if (!Traits::eq_int_type(c, Traits::eof())) {
      std::lock_guard lock(mutex_);
      text_.push_back(Traits::to_char_type(c));
    }
    return Traits::not_eof(c);
  }

  mutable std::mutex mutex_;
  std::string text_;
};

}  // namespace tisheng::test
