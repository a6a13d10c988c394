// The HTTP API: a thin layer over the library (pipeline and store), as the
// design asks, plus the web page's static files.
//
//   GET  /api/health                      {"status":"ok"}
//   GET  /api/stats                       store counts
//   GET  /api/events?actor=&from=&to=&cameo=&mode=&limit=&format=
//                                         fused events: a JSON array, or
//                                         format=jsonl|csv|gdelt
//   POST /api/extract?date=&format=       the body is an article (text,
//                                         html or jsonl); the answer is the
//                                         extract output contract (JSONL)
//   GET  /                                the web page (web/)
//
// Contract: one ApiServer per process; requests are served on a thread
// pool; the pipeline is read-only and the store is used under a mutex.
// Errors are JSON objects {"error": "..."} with a 4xx/5xx status.
#ifndef ANNALS_SERVER_SERVER_H_
#define ANNALS_SERVER_SERVER_H_

#include <memory>
#include <string>

#include "pipeline/pipeline.h"
#include "store/store.h"

namespace annals {

class ApiServer {
 public:
  // `store` may be null (then the event endpoints answer 503);
  // `web_dir` may be empty (no page).
  ApiServer(const Pipeline& pipeline, Store* store, std::string web_dir);
  ~ApiServer();

  // Binds and serves until Stop(); false if the address cannot be bound.
  bool Listen(const std::string& host, int port);
  // Binds to a free port (returned, or -1), for tests; serve with Serve().
  int BindToAnyPort(const std::string& host);
  bool Serve();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace annals

#endif  // ANNALS_SERVER_SERVER_H_
