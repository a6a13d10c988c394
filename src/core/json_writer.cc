#include "core/json_writer.h"

#include <cmath>
#include <cstdio>

namespace annals {

void AppendJsonEscaped(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  size_t run = 0;  // start of the pending unescaped run
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
}

void JsonWriter::Key(std::string_view name) {
  Sep();
  out_->push_back('"');
  AppendJsonEscaped(name, out_);
  out_->append("\":");
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  Sep();
  out_->push_back('"');
  AppendJsonEscaped(s, out_);
  out_->push_back('"');
}

void JsonWriter::Int(int64_t v) {
  Sep();
  out_->append(std::to_string(v));
}

void JsonWriter::Double(double v, int decimals) {
  Sep();
  if (!std::isfinite(v)) {
    out_->append("null");
    return;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  // Trim trailing zeros but keep one digit after the point: 4.0, 48.85.
  std::string_view t(buf);
  if (t.find('.') != std::string_view::npos) {
    while (t.size() > 1 && t.back() == '0' && t[t.size() - 2] != '.') t.remove_suffix(1);
  }
  out_->append(t);
}

}  // namespace annals
