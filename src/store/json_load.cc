// `annals load`: one line of the output contract back into an Analysis, so
// that extraction and storage can run apart (extract on many machines,
// load into one store). Actor, mention and event references are rebuilt
// as indices from the actor ids.
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "store/store.h"

namespace annals {
namespace {

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
uint32_t U32(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_unsigned() ? it->get<uint32_t>() : 0;
}

ActorKind KindFromName(const std::string& s) {
  if (s == "PERSON") return ActorKind::kPerson;
  if (s == "STATE") return ActorKind::kState;
  if (s == "PLACE") return ActorKind::kPlace;
  return ActorKind::kOrganization;
}

EventMode ModeFromName(const std::string& s) {
  for (EventMode m : {EventMode::kAsserted, EventMode::kPlanned, EventMode::kReported,
                      EventMode::kNegated, EventMode::kHypothetical})
    if (s == EventModeName(m)) return m;
  return EventMode::kAsserted;
}

}  // namespace

Status AnalysisFromJsonLine(std::string_view line, Analysis* out) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidInput("not a JSON object");
  if (!j.contains("id") || !j["id"].is_string()) return Status::InvalidInput("no \"id\"");
  *out = Analysis();
  Document& d = out->doc;
  d.id = Str(j, "id");
  d.url = Str(j, "url");
  d.title = Str(j, "title");
  d.text = Str(j, "text");
  d.dct = ParseIsoDate(Str(j, "date"));
  out->clean.language = Str(j, "language");
  out->clean.simhash = std::strtoull(Str(j, "simhash").c_str(), nullptr, 16);
  if (auto it = j.find("boilerplate"); it != j.end() && it->is_array())
    for (const auto& span : *it)
      if (span.is_array() && span.size() == 2)
        out->clean.boilerplate.push_back(Span{span[0].get<uint32_t>(), span[1].get<uint32_t>()});

  std::unordered_map<std::string, int32_t> index;
  if (auto it = j.find("actors"); it != j.end() && it->is_object()) {
    for (const auto& [id, a] : it->items()) {
      Actor actor;
      actor.id = id;
      actor.name = Str(a, "name");
      actor.kind = KindFromName(Str(a, "kind"));
      actor.country = Str(a, "country");
      actor.role = Str(a, "role");
      actor.cameo = Str(a, "cameo");
      if (a.contains("lat") && a["lat"].is_number()) actor.lat = a["lat"].get<double>();
      if (a.contains("lon") && a["lon"].is_number()) actor.lon = a["lon"].get<double>();
      index[id] = static_cast<int32_t>(out->actors.actors.size());
      out->actors.actors.push_back(std::move(actor));
    }
  }
  auto ref = [&](const nlohmann::json& x, const char* key) -> int32_t {
    const std::string id = Str(x, key);
    auto it = index.find(id);
    return it == index.end() ? -1 : it->second;
  };
  if (auto it = j.find("mentions"); it != j.end() && it->is_array()) {
    for (const auto& m : *it) {
      Mention mention;
      mention.begin = U32(m, "start");
      mention.end = U32(m, "end");
      mention.type = KindFromName(Str(m, "type"));
      mention.actor = ref(m, "actor");
      mention.coreference = m.value("coref", false);
      out->actors.mentions.push_back(mention);
    }
  }
  if (auto it = j.find("events"); it != j.end() && it->is_array()) {
    for (const auto& x : *it) {
      Event e;
      e.source = ref(x, "source");
      e.target = ref(x, "target");
      e.place = ref(x, "place");
      e.cameo = Str(x, "cameo");
      e.root = Str(x, "root");
      e.quad = x.value("quad", 0);
      e.goldstein = x.value("goldstein", 0.0);
      e.plover = Str(x, "plover");
      e.mode = ModeFromName(Str(x, "mode"));
      e.date = Str(x, "date");
      e.date_source = Str(x, "date_source");
      e.sentence = U32(x, "sentence");
      e.begin = U32(x, "start");
      e.end = U32(x, "end");
      e.trigger = Str(x, "trigger");
      e.rule = Str(x, "rule");
      if (auto also = x.find("also"); also != x.end() && also->is_array())
        for (const auto& ev : *also)
          e.also.push_back(Event::Evidence{U32(ev, "sentence"), U32(ev, "start"), U32(ev, "end"), Str(ev, "rule")});
      if (e.cameo.empty()) return Status::InvalidInput("an event without \"cameo\"");
      out->events.push_back(std::move(e));
    }
  }
  return Status::Ok();
}

}  // namespace annals
