// The CAMEO codebook as data: code, name, root, QuadClass, Goldstein weight
// and PLOVER type per line of data/events/cameo_codebook.tsv. Kept sorted
// by code so that Find() is a binary search.
#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "events/events.h"

namespace annals {

Result<Codebook> Codebook::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open the CAMEO codebook");
  std::stringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path);
}

Result<Codebook> Codebook::Parse(std::string_view text, const std::string& name) {
  Codebook cb;
  uint32_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f;
    size_t i = 0;
    while (true) {
      size_t tab = line.find('\t', i);
      f.push_back(line.substr(i, tab == std::string_view::npos ? std::string_view::npos : tab - i));
      if (tab == std::string_view::npos) break;
      i = tab + 1;
    }
    auto err = [&](const std::string& m) {
      return Status::InvalidInput(name + ":" + std::to_string(line_no) + ": " + m);
    };
    if (f.size() != 6)
      return err("expected 6 tab-separated fields (code name root quad goldstein plover)");
    CameoCode c;
    c.code = std::string(f[0]);
    c.name = std::string(f[1]);
    c.root = std::string(f[2]);
    if (c.code.size() < 2 || c.code.substr(0, 2) != c.root)
      return err("root must be the code's first two digits");
    auto [p1, e1] = std::from_chars(f[3].data(), f[3].data() + f[3].size(), c.quad);
    if (e1 != std::errc() || c.quad < 1 || c.quad > 4) return err("QuadClass must be 1..4");
    std::string g(f[4]);
    char* end = nullptr;
    c.goldstein = std::strtod(g.c_str(), &end);
    if (end == g.c_str() || c.goldstein < -10 || c.goldstein > 10)
      return err("Goldstein value must be in [-10, 10]");
    c.plover = f[5] == "-" ? std::string() : std::string(f[5]);
    cb.codes_.push_back(std::move(c));
  }
  std::sort(cb.codes_.begin(), cb.codes_.end(),
            [](const CameoCode& a, const CameoCode& b) { return a.code < b.code; });
  for (size_t k = 1; k < cb.codes_.size(); ++k)
    if (cb.codes_[k].code == cb.codes_[k - 1].code)
      return Status::InvalidInput(name + ": duplicate code " + cb.codes_[k].code);
  return cb;
}

const CameoCode* Codebook::Find(std::string_view code) const {
  auto it = std::lower_bound(codes_.begin(), codes_.end(), code,
                             [](const CameoCode& c, std::string_view x) { return c.code < x; });
  return it != codes_.end() && it->code == code ? &*it : nullptr;
}

}  // namespace annals
