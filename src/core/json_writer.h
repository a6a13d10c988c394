// JsonWriter: appends compact JSON to a string, with no intermediate tree.
// The output contract (docs/OUTPUT.md) is written through it, so that one
// document costs one growing buffer. Strings must be valid UTF-8; control
// characters, quotes and backslashes are escaped. Not thread-safe.
#ifndef ANNALS_CORE_JSON_WRITER_H_
#define ANNALS_CORE_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Sep(); out_->push_back('{'); first_.push_back(true); }
  void EndObject() { out_->push_back('}'); first_.pop_back(); }
  void BeginArray() { Sep(); out_->push_back('['); first_.push_back(true); }
  void EndArray() { out_->push_back(']'); first_.pop_back(); }
  // Writes `"name":`; the next value call writes the value.
  void Key(std::string_view name);

  void String(std::string_view s);
  void StringOrNull(std::string_view s) { s.empty() ? Null() : String(s); }
  void Int(int64_t v);
  void Double(double v, int decimals = 2);
  void Bool(bool v) { Sep(); out_->append(v ? "true" : "false"); }
  void Null() { Sep(); out_->append("null"); }

 private:
  void Sep() {
    if (after_key_) { after_key_ = false; return; }
    if (!first_.empty()) {
      if (!first_.back()) out_->push_back(',');
      first_.back() = false;
    }
  }
  std::string* out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

// Appends `s` JSON-escaped (without quotes).
void AppendJsonEscaped(std::string_view s, std::string* out);

}  // namespace annals

#endif  // ANNALS_CORE_JSON_WRITER_H_
