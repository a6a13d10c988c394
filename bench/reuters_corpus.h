// Shared by the benchmarks: the bodies of the Reuters-21578 stories, read
// from ../shared/eval/reuters21578/reut2-*.sgm.gz at benchmark time (the
// corpus is research-only and never copied into the project).
#ifndef ANNALS_BENCH_REUTERS_CORPUS_H_
#define ANNALS_BENCH_REUTERS_CORPUS_H_

#include <zlib.h>

#include <cstdio>
#include <string>
#include <vector>

namespace annals::bench {

struct Story {
  std::string date;  // "1987-02-26"
  std::string body;
};

inline std::string GunzipFile(const std::string& path) {
  std::string out;
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, n);
  gzclose(f);
  return out;
}

inline std::string DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      if (s.substr(i, 4) == "&lt;") { out.push_back('<'); i += 3; continue; }
      if (s.substr(i, 4) == "&gt;") { out.push_back('>'); i += 3; continue; }
      if (s.substr(i, 5) == "&amp;") { out.push_back('&'); i += 4; continue; }
      if (s.substr(i, 2) == "&#") {  // control characters such as &#3;
        size_t semi = s.find(';', i);
        if (semi != std::string_view::npos && semi - i < 6) { i = semi; continue; }
      }
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {  // Latin-1 -> UTF-8
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

// Returns the stories with a body, in corpus order; empty if the shared
// folder is absent. `max_files` limits how many of the 22 files are read.
inline std::vector<Story> LoadReuters(int max_files = 22) {
  static const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  std::vector<Story> stories;
  for (int i = 0; i < max_files; ++i) {
    char path[512];
    std::snprintf(path, sizeof path, "%s/eval/reuters21578/reut2-%03d.sgm.gz", ANNALS_SHARED_DIR, i);
    const std::string sgm = GunzipFile(path);
    size_t pos = 0;
    while ((pos = sgm.find("<REUTERS", pos)) != std::string::npos) {
      const size_t end = sgm.find("</REUTERS>", pos);
      if (end == std::string::npos) break;
      const std::string_view rec(sgm.data() + pos, end - pos);
      pos = end;
      const size_t b = rec.find("<BODY>");
      if (b == std::string_view::npos) continue;
      const size_t e = rec.find("</BODY>", b);
      Story s;
      s.body = DecodeEntities(rec.substr(b + 6, e - b - 6));
      const size_t d = rec.find("<DATE>");
      if (d != std::string_view::npos) {
        // "26-FEB-1987 15:01:01.79", the day possibly one digit wide
        int day = 0, year = 0, month = 0;
        char mon[4] = {0};
        if (std::sscanf(rec.data() + d + 6, " %d-%3s-%d", &day, mon, &year) == 3) {
          for (int m = 0; m < 12; ++m)
            if (std::string_view(mon) == kMonths[m]) month = m + 1;
          char buf[16];
          std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
          s.date = buf;
        }
      }
      stories.push_back(std::move(s));
    }
  }
  return stories;
}

}  // namespace annals::bench

#endif  // ANNALS_BENCH_REUTERS_CORPUS_H_
