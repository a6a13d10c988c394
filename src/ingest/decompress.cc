// Byte sources: file descriptors, memory, and streaming decoders for gzip
// and zstd. Compression is recognised by magic number, never by file name,
// so "-" and misnamed files work. The gzip decoder handles multi-member
// streams (a .warc.gz is one member per record) by resetting inflate after
// each member, and reads the compressed input in fixed chunks, so memory
// stays bounded however large the file. A stream that ends inside a member
// or frame is reported as truncated with the compressed byte offset.
#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "ingest/internal.h"

namespace annals::ingest_internal {
namespace {

constexpr size_t kRawChunk = 256 << 10;

class FdByteSource : public ByteSource {
 public:
  FdByteSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdByteSource() override {
    if (owned_) ::close(fd_);
  }
  size_t Read(char* buf, size_t n) override {
    if (done_) return 0;
    for (;;) {
      ssize_t got = ::read(fd_, buf, n);
      if (got > 0) return static_cast<size_t>(got);
      if (got == 0) {
        done_ = true;
        return 0;
      }
      if (errno == EINTR) continue;
      status_ = Status::IoError(std::string("read error: ") + std::strerror(errno));
      done_ = true;
      return 0;
    }
  }

 private:
  int fd_;
  bool owned_;
  bool done_ = false;
};

class MemoryByteSource : public ByteSource {
 public:
  explicit MemoryByteSource(std::string_view bytes) : bytes_(bytes) {}
  size_t Read(char* buf, size_t n) override {
    n = std::min(n, bytes_.size() - pos_);
    std::memcpy(buf, bytes_.data() + pos_, n);
    pos_ += n;
    return n;
  }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

// Replays bytes peeked for format detection, then reads on.
class PrefixedSource : public ByteSource {
 public:
  PrefixedSource(std::string prefix, std::unique_ptr<ByteSource> rest)
      : prefix_(std::move(prefix)), rest_(std::move(rest)) {}
  size_t Read(char* buf, size_t n) override {
    if (pos_ < prefix_.size()) {
      n = std::min(n, prefix_.size() - pos_);
      std::memcpy(buf, prefix_.data() + pos_, n);
      pos_ += n;
      return n;
    }
    size_t got = rest_->Read(buf, n);
    if (got == 0) status_ = rest_->status();
    return got;
  }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<ByteSource> rest_;
};

class GzipSource : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> raw) : raw_(std::move(raw)), in_(kRawChunk) {
    std::memset(&zs_, 0, sizeof(zs_));
    ok_ = inflateInit2(&zs_, 15 + 16) == Z_OK;  // gzip wrapper only
    if (!ok_) status_ = Status::IoError("gzip: cannot initialise zlib");
  }
  ~GzipSource() override {
    if (ok_) inflateEnd(&zs_);
  }

  size_t Read(char* buf, size_t n) override {
    if (done_ || !ok_) return 0;
    zs_.next_out = reinterpret_cast<Bytef*>(buf);
    zs_.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    while (zs_.avail_out > 0) {
      if (zs_.avail_in == 0 && !raw_end_) {
        size_t got = raw_->Read(reinterpret_cast<char*>(in_.data()), in_.size());
        if (got == 0) {
          raw_end_ = true;
          if (!raw_->status().ok()) {
            Fail(raw_->status().message());
            break;
          }
        }
        zs_.next_in = in_.data();
        zs_.avail_in = static_cast<uInt>(got);
        consumed_before_ += last_chunk_;
        last_chunk_ = got;
      }
      if (zs_.avail_in == 0 && raw_end_ && !in_member_) {
        done_ = true;  // the end is clean only between members
        break;
      }
      in_member_ = true;
      int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&zs_);
        continue;
      }
      const bool starved = zs_.avail_in == 0 && raw_end_;
      if (rc == Z_BUF_ERROR && !starved) continue;  // needs more input
      if (rc == Z_BUF_ERROR || (rc == Z_OK && starved && zs_.avail_out > 0)) {
        Fail("gzip: truncated stream (ends inside a member)");
        break;
      }
      if (rc != Z_OK) {
        Fail(std::string("gzip: corrupt data (") + (zs_.msg ? zs_.msg : "inflate error") + ")");
        break;
      }
    }
    return n - zs_.avail_out;
  }

 private:
  // Bytes decoded before the failure are still returned by Read().
  void Fail(const std::string& what) {
    done_ = true;
    const uint64_t at = consumed_before_ + (last_chunk_ - zs_.avail_in);
    status_ = Status::InvalidInput(what + " at compressed byte " + std::to_string(at));
  }

  std::unique_ptr<ByteSource> raw_;
  std::vector<Bytef> in_;
  z_stream zs_;
  bool ok_ = false;
  bool done_ = false;
  bool raw_end_ = false;
  bool in_member_ = false;
  uint64_t consumed_before_ = 0;
  size_t last_chunk_ = 0;
};

class ZstdSource : public ByteSource {
 public:
  explicit ZstdSource(std::unique_ptr<ByteSource> raw)
      : raw_(std::move(raw)), in_(ZSTD_DStreamInSize()), ds_(ZSTD_createDStream()) {
    if (ds_ == nullptr) status_ = Status::IoError("zstd: cannot initialise");
  }
  ~ZstdSource() override { ZSTD_freeDStream(ds_); }

  size_t Read(char* buf, size_t n) override {
    if (done_ || ds_ == nullptr) return 0;
    ZSTD_outBuffer out{buf, n, 0};
    while (out.pos < out.size) {
      if (ib_.pos == ib_.size && !raw_end_) {
        size_t got = raw_->Read(in_.data(), in_.size());
        consumed_ += ib_.size;
        if (got == 0) {
          raw_end_ = true;
          if (!raw_->status().ok()) {
            Fail(raw_->status().message());
            break;
          }
        }
        ib_ = ZSTD_inBuffer{in_.data(), got, 0};
      }
      if (ib_.pos == ib_.size && raw_end_) {
        if (pending_ == 0) {
          done_ = true;
          break;
        }
        // Output may still be buffered inside the decoder: flush it, and
        // call the stream truncated only when nothing more comes out.
        const size_t before = out.pos;
        pending_ = ZSTD_decompressStream(ds_, &out, &ib_);
        if (ZSTD_isError(pending_) || out.pos == before) {
          Fail("zstd: truncated stream (ends inside a frame)");
          break;
        }
        continue;
      }
      pending_ = ZSTD_decompressStream(ds_, &out, &ib_);
      if (ZSTD_isError(pending_)) {
        Fail(std::string("zstd: ") + ZSTD_getErrorName(pending_));
        break;
      }
    }
    return out.pos;
  }

 private:
  void Fail(const std::string& what) {
    done_ = true;
    status_ =
        Status::InvalidInput(what + " at compressed byte " + std::to_string(consumed_ + ib_.pos));
  }

  std::unique_ptr<ByteSource> raw_;
  std::vector<char> in_;
  ZSTD_DStream* ds_;
  ZSTD_inBuffer ib_{nullptr, 0, 0};
  size_t pending_ = 0;
  uint64_t consumed_ = 0;
  bool raw_end_ = false;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<ByteSource> FdSource(int fd, bool owned) {
  return std::make_unique<FdByteSource>(fd, owned);
}

std::unique_ptr<ByteSource> MemorySource(std::string_view bytes) {
  return std::make_unique<MemoryByteSource>(bytes);
}

bool LooksCompressed(std::string_view h) {
  if (h.size() >= 2 && static_cast<unsigned char>(h[0]) == 0x1f &&
      static_cast<unsigned char>(h[1]) == 0x8b)
    return true;
  return h.size() >= 4 && h.substr(0, 4) == std::string_view("\x28\xb5\x2f\xfd", 4);
}

std::unique_ptr<ByteSource> Decoded(std::unique_ptr<ByteSource> raw) {
  std::string head(4, '\0');
  size_t have = 0;
  while (have < head.size()) {
    size_t got = raw->Read(head.data() + have, head.size() - have);
    if (got == 0) break;
    have += got;
  }
  head.resize(have);
  const bool gzip = have >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
                    static_cast<unsigned char>(head[1]) == 0x8b;
  const bool zstd = LooksCompressed(head) && !gzip;
  auto src = std::make_unique<PrefixedSource>(std::move(head), std::move(raw));
  if (gzip) return std::make_unique<GzipSource>(std::move(src));
  if (zstd) return std::make_unique<ZstdSource>(std::move(src));
  return src;
}

Status InflateBuffer(std::string_view in, size_t max_out, std::string* out) {
  out->clear();
  // gzip or zlib by header; otherwise raw deflate (what some servers send
  // for "Content-Encoding: deflate").
  const bool gzip = in.size() >= 2 && static_cast<unsigned char>(in[0]) == 0x1f &&
                    static_cast<unsigned char>(in[1]) == 0x8b;
  const bool zlib =
      !gzip && in.size() >= 2 && (static_cast<unsigned char>(in[0]) & 0x0f) == 8 &&
      ((static_cast<unsigned char>(in[0]) << 8) | static_cast<unsigned char>(in[1])) % 31 == 0;
  z_stream zs;
  std::memset(&zs, 0, sizeof(zs));
  if (inflateInit2(&zs, gzip ? 15 + 16 : zlib ? 15 : -15) != Z_OK)
    return Status::IoError("cannot initialise zlib");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), 0xffffffffu));
  char chunk[64 << 10];
  Status st;
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof(chunk);
    int rc = inflate(&zs, Z_NO_FLUSH);
    out->append(chunk, sizeof(chunk) - zs.avail_out);
    if (out->size() > max_out) {
      st =
          Status::InvalidInput("decoded payload larger than " + std::to_string(max_out) + " bytes");
      break;
    }
    if (rc == Z_STREAM_END) break;
    if (rc == Z_BUF_ERROR || (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0)) {
      st = Status::InvalidInput("truncated compressed payload");
      break;
    }
    if (rc != Z_OK) {
      st = Status::InvalidInput(std::string("corrupt compressed payload (") +
                                (zs.msg ? zs.msg : "inflate error") + ")");
      break;
    }
  }
  inflateEnd(&zs);
  return st;
}

}  // namespace annals::ingest_internal
