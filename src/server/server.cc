// HTTP API over cpp-httplib. Handlers parse parameters, call the library
// and serialise with the same writers as the command line (exports, the
// JSONL contract), so the API and the CLI cannot drift apart.
#include "server/server.h"

#include <httplib.h>

#include <mutex>

#include "core/json_writer.h"
#include "ingest/ingest.h"

namespace annals {
namespace {

void JsonError(httplib::Response& res, int status, const std::string& message) {
  std::string body;
  JsonWriter w(&body);
  w.BeginObject();
  w.Key("error");
  w.String(message);
  w.EndObject();
  res.status = status;
  res.set_content(body, "application/json");
}

}  // namespace

struct ApiServer::Impl {
  const Pipeline& pipeline;
  Store* store;
  std::mutex store_mu;
  httplib::Server http;

  Impl(const Pipeline& p, Store* s) : pipeline(p), store(s) {}

  void Routes(const std::string& web_dir) {
    http.Get("/api/health", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("{\"status\":\"ok\"}", "application/json");
    });
    http.Get("/api/stats", [this](const httplib::Request&, httplib::Response& res) { Stats(res); });
    http.Get("/api/events", [this](const httplib::Request& req, httplib::Response& res) { Events(req, res); });
    http.Post("/api/extract", [this](const httplib::Request& req, httplib::Response& res) { Extract(req, res); });
    if (!web_dir.empty()) http.set_mount_point("/", web_dir);
    http.set_payload_max_length(64u << 20);
  }

  void Stats(httplib::Response& res) {
    if (store == nullptr) return JsonError(res, 503, "no store: start the server with --db");
    std::lock_guard lock(store_mu);
    auto st = store->Stats();
    if (!st.ok()) return JsonError(res, 500, st.status().message());
    std::string body;
    JsonWriter w(&body);
    w.BeginObject();
    w.Key("documents"); w.Int(st->documents);
    w.Key("duplicates"); w.Int(st->duplicates);
    w.Key("actors"); w.Int(st->actors);
    w.Key("mentions"); w.Int(st->mentions);
    w.Key("events"); w.Int(st->events);
    w.Key("event_mentions"); w.Int(st->event_mentions);
    w.EndObject();
    res.set_content(body, "application/json");
  }

  void Events(const httplib::Request& req, httplib::Response& res) {
    if (store == nullptr) return JsonError(res, 503, "no store: start the server with --db");
    EventQuery q;
    q.actor = req.get_param_value("actor");
    q.from = req.get_param_value("from");
    q.to = req.get_param_value("to");
    q.cameo = req.get_param_value("cameo");
    q.mode = req.get_param_value("mode");
    q.limit = 1000;
    if (req.has_param("limit")) {
      try {
        q.limit = std::stoi(req.get_param_value("limit"));
      } catch (const std::exception&) {
        return JsonError(res, 400, "limit: not a number");
      }
    }
    const std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
    ExportFormat f = ExportFormat::kJsonl;
    const char* type = "application/json";
    if (format == "csv") f = ExportFormat::kCsv, type = "text/csv";
    else if (format == "gdelt") f = ExportFormat::kGdelt, type = "text/tab-separated-values";
    else if (format == "jsonl") type = "application/x-ndjson";
    else if (format != "json") return JsonError(res, 400, "format: json, jsonl, csv or gdelt");
    std::string body;
    if (format == "json") body.push_back('[');
    WriteExportHeader(f, &body);
    bool first = true;
    Status s;
    {
      std::lock_guard lock(store_mu);
      s = store->QueryEvents(q, [&](const FusedEvent& e) {
        if (format == "json" && !first) body.push_back(',');
        first = false;
        WriteExportRow(f, e, &body);
        if (format == "json") body.pop_back();  // the row's newline
      });
    }
    if (!s.ok()) return JsonError(res, 500, s.message());
    if (format == "json") body.push_back(']');
    res.set_content(body, type);
  }

  void Extract(const httplib::Request& req, httplib::Response& res) {
    IngestOptions opts;
    if (req.has_param("format")) {
      auto f = ParseInputFormat(req.get_param_value("format"));
      if (!f) return JsonError(res, 400, "format: text, jsonl, html, warc or rss");
      opts.format = *f;
    }
    if (req.has_param("date")) {
      opts.default_date = ParseIsoDate(req.get_param_value("date"));
      if (!opts.default_date) return JsonError(res, 400, "date: not YYYY-MM-DD");
    }
    OutputOptions out;
    out.with_text = req.get_param_value("text") == "1";
    std::string body, errors;
    Analysis analysis;
    Status s = ReadBuffer(
        req.body, "request", opts,
        [&](Document&& doc) {
          analysis.doc = std::move(doc);
          pipeline.Analyze(&analysis);
          Pipeline::WriteJson(analysis, out, &body);
          return true;
        },
        [&](const Status& e) { errors += e.message() + "\n"; });
    if (body.empty()) return JsonError(res, 400, errors.empty() ? "no document in the request" : errors);
    res.set_content(body, "application/x-ndjson");
  }
};

ApiServer::ApiServer(const Pipeline& pipeline, Store* store, std::string web_dir)
    : impl_(std::make_unique<Impl>(pipeline, store)) {
  impl_->Routes(web_dir);
}

ApiServer::~ApiServer() { Stop(); }

bool ApiServer::Listen(const std::string& host, int port) { return impl_->http.listen(host, port); }
int ApiServer::BindToAnyPort(const std::string& host) { return impl_->http.bind_to_any_port(host); }
bool ApiServer::Serve() { return impl_->http.listen_after_bind(); }
void ApiServer::Stop() { impl_->http.stop(); }

}  // namespace annals
