// Exports of fused events: JSON lines, CSV (RFC 4180 quoting) and a
// GDELT 2.0-compatible event table (61 tab-separated columns, no header).
// GDELT differences, documented in docs/STORE.md: country codes are ISO
// 3166-1 alpha-3 (GDELT uses FIPS for geography), tone is not computed
// (AvgTone 0), and a partial event date (month, year) is given its first day.
#include <cstdio>

#include "core/json_writer.h"
#include "store/store.h"

namespace annals {
namespace {

void Csv(std::string_view v, std::string* out) {
  if (v.find_first_of(",\"\n\r") == std::string_view::npos) {
    out->append(v);
    return;
  }
  out->push_back('"');
  for (char c : v) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

std::string Num(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// TSV fields may not hold tabs or newlines.
void Tsv(std::string_view v, std::string* out) {
  for (char c : v) out->push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

// "2022-12" -> 2022-12-01; "2024-W14" -> the Monday of that ISO week.
std::optional<CivilDate> FirstDay(const std::string& v) {
  if (auto d = ParseIsoDate(v)) return d;
  int y = 0, m = 0, w = 0;
  if (std::sscanf(v.c_str(), "%4d-W%2d", &y, &w) == 2 && v.size() == 8) {
    const CivilDate jan4{y, 1, 4};  // always in ISO week 1
    return AddDays(jan4, (w - 1) * 7 - (IsoWeekday(jan4) - 1));
  }
  if (std::sscanf(v.c_str(), "%4d-%2d", &y, &m) == 2 && v.size() == 7 && m >= 1 && m <= 12)
    return CivilDate{y, m, 1};
  if (v.size() == 4 && std::sscanf(v.c_str(), "%4d", &y) == 1) return CivilDate{y, 1, 1};
  return std::nullopt;
}

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return s;
}

}  // namespace

void WriteExportHeader(ExportFormat format, std::string* out) {
  if (format == ExportFormat::kCsv)
    out->append("id,date,source,source_name,source_cameo,target,target_name,target_cameo,cameo,root,"
                "quad,goldstein,plover,mode,place,place_name,lat,lon,mentions,documents,"
                "first_document,url,trigger,rule\n");
}

void WriteExportRow(ExportFormat format, const FusedEvent& e, std::string* out) {
  switch (format) {
    case ExportFormat::kJsonl: {
      JsonWriter w(out);
      w.BeginObject();
      w.Key("id"); w.Int(e.id);
      w.Key("date"); w.String(e.date);
      w.Key("source"); w.StringOrNull(e.source);
      w.Key("source_name"); w.StringOrNull(e.source_name);
      w.Key("source_cameo"); w.StringOrNull(e.source_cameo);
      w.Key("target"); w.StringOrNull(e.target);
      w.Key("target_name"); w.StringOrNull(e.target_name);
      w.Key("target_cameo"); w.StringOrNull(e.target_cameo);
      w.Key("cameo"); w.String(e.cameo);
      w.Key("root"); w.String(e.root);
      w.Key("quad"); w.Int(e.quad);
      w.Key("goldstein"); w.Double(e.goldstein, 1);
      w.Key("plover"); w.StringOrNull(e.plover);
      w.Key("mode"); w.String(e.mode);
      w.Key("place"); w.StringOrNull(e.place);
      w.Key("place_name"); w.StringOrNull(e.place_name);
      if (e.place_lat && e.place_lon) {
        w.Key("lat"); w.Double(*e.place_lat, 4);
        w.Key("lon"); w.Double(*e.place_lon, 4);
      }
      w.Key("mentions"); w.Int(e.mentions);
      w.Key("documents"); w.Int(e.documents);
      w.Key("first_document"); w.String(e.first_document);
      w.Key("url"); w.StringOrNull(e.url);
      w.Key("trigger"); w.String(e.trigger);
      w.Key("rule"); w.String(e.rule);
      w.EndObject();
      out->push_back('\n');
      return;
    }
    case ExportFormat::kCsv: {
      const std::string fields[] = {
          std::to_string(e.id), e.date, e.source, e.source_name, e.source_cameo, e.target,
          e.target_name, e.target_cameo, e.cameo, e.root, std::to_string(e.quad), Num(e.goldstein, 1),
          e.plover, e.mode, e.place, e.place_name, e.place_lat ? Num(*e.place_lat, 4) : "",
          e.place_lon ? Num(*e.place_lon, 4) : "", std::to_string(e.mentions),
          std::to_string(e.documents), e.first_document, e.url, e.trigger, e.rule};
      for (size_t i = 0; i < std::size(fields); ++i) {
        if (i) out->push_back(',');
        Csv(fields[i], out);
      }
      out->push_back('\n');
      return;
    }
    case ExportFormat::kGdelt: {
      const std::optional<CivilDate> d = FirstDay(e.date);
      std::string day, month, year, fraction;
      if (d) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d%02d%02d", d->year, d->month, d->day);
        day = buf;
        month = day.substr(0, 6);
        year = day.substr(0, 4);
        const int64_t doy = DaysFromCivil(*d) - DaysFromCivil(CivilDate{d->year, 1, 1});
        fraction = Num(d->year + static_cast<double>(doy) / 365.0, 4);
      }
      auto actor = [&](const std::string& code, const std::string& name, const std::string& country) {
        // Code, Name, CountryCode, KnownGroup, Ethnic, Religion1, Religion2, Type1..3
        const std::string type1 = code.size() >= 6 ? code.substr(3, 3) : "";
        return std::vector<std::string>{code, Upper(name), country, "", "", "", "", type1, "", ""};
      };
      std::vector<std::string> cols = {std::to_string(e.id), day, month, year, fraction};
      for (auto& c : actor(e.source_cameo, e.source_name, e.source_country)) cols.push_back(c);
      for (auto& c : actor(e.target_cameo, e.target_name, e.target_country)) cols.push_back(c);
      const std::string base = e.cameo.substr(0, std::min<size_t>(3, e.cameo.size()));
      for (const std::string& c : {std::string("1"), e.cameo, base, e.root, std::to_string(e.quad),
                                   Num(e.goldstein, 1), std::to_string(e.mentions),
                                   std::to_string(e.documents), std::to_string(e.documents),
                                   std::string("0")})
        cols.push_back(c);
      for (int geo = 0; geo < 2; ++geo)  // Actor1Geo_*, Actor2Geo_*: not resolved per actor
        for (int k = 0; k < 8; ++k) cols.push_back("");
      // ActionGeo: Type (4 = world city, 1 = country), FullName, CountryCode, ADM1, ADM2, Lat, Long, FeatureID
      const bool has_place = !e.place.empty();
      cols.push_back(has_place ? (e.place_lat ? "4" : "1") : "");
      cols.push_back(e.place_name);
      cols.push_back(e.place_country);
      cols.push_back("");
      cols.push_back("");
      cols.push_back(e.place_lat ? Num(*e.place_lat, 4) : "");
      cols.push_back(e.place_lon ? Num(*e.place_lon, 4) : "");
      cols.push_back(e.place);
      cols.push_back(day.empty() ? "" : day + "000000");
      cols.push_back(e.url);
      for (size_t i = 0; i < cols.size(); ++i) {
        if (i) out->push_back('\t');
        Tsv(cols[i], out);
      }
      out->push_back('\n');
      return;
    }
  }
}

}  // namespace annals
