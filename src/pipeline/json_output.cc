// The JSONL output contract, version 1 (docs/OUTPUT.md): one object per
// document. Written straight into the output buffer with JsonWriter.
#include "core/json_writer.h"
#include "pipeline/pipeline.h"

namespace annals {
namespace {

void WriteActor(const Actor& a, JsonWriter& w) {
  w.BeginObject();
  w.Key("name"); w.String(a.name);
  w.Key("kind"); w.String(ActorKindName(a.kind));
  w.Key("country"); w.StringOrNull(a.country);
  w.Key("role"); w.StringOrNull(a.role);
  w.Key("cameo"); w.StringOrNull(a.cameo);
  if (a.lat && a.lon) {
    w.Key("lat"); w.Double(*a.lat, 4);
    w.Key("lon"); w.Double(*a.lon, 4);
  }
  w.EndObject();
}

const std::string& ActorId(const ActorResult& r, int32_t i) {
  static const std::string kNone;
  return i >= 0 && static_cast<size_t>(i) < r.actors.size() ? r.actors[i].id : kNone;
}

}  // namespace

void Pipeline::WriteJson(const Analysis& a, const OutputOptions& opt, std::string* out) {
  const Document& d = a.doc;
  const std::string_view text = d.text;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("id"); w.String(d.id);
  w.Key("date");
  if (d.dct) w.String(FormatDate(*d.dct)); else w.Null();
  w.Key("url"); w.StringOrNull(d.url);
  w.Key("title"); w.StringOrNull(d.title);
  w.Key("language"); w.String(a.clean.language.empty() ? "und" : a.clean.language);
  w.Key("simhash");
  {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(a.clean.simhash));
    w.String(buf);
  }
  if (d.invalid_utf8 > 0) { w.Key("invalid_utf8"); w.Int(d.invalid_utf8); }
  w.Key("boilerplate");
  w.BeginArray();
  for (const Span& s : a.clean.boilerplate) {
    w.BeginArray(); w.Int(s.begin); w.Int(s.end); w.EndArray();
  }
  w.EndArray();
  if (opt.with_sentences) {
    w.Key("sentences");
    w.BeginArray();
    for (const Sentence& s : a.text.sentences) {
      w.BeginArray(); w.Int(s.begin); w.Int(s.end); w.EndArray();
    }
    w.EndArray();
  }

  w.Key("mentions");
  w.BeginArray();
  for (const Mention& m : a.actors.mentions) {
    w.BeginObject();
    w.Key("text"); w.String(text.substr(m.begin, m.end - m.begin));
    w.Key("start"); w.Int(m.begin);
    w.Key("end"); w.Int(m.end);
    w.Key("type"); w.String(ActorKindName(m.type));
    w.Key("actor"); w.StringOrNull(ActorId(a.actors, m.actor));
    if (m.coreference) { w.Key("coref"); w.Bool(true); }
    w.EndObject();
  }
  w.EndArray();

  w.Key("actors");
  w.BeginObject();
  for (const Actor& actor : a.actors.actors) {
    w.Key(actor.id);
    WriteActor(actor, w);
  }
  w.EndObject();

  w.Key("times");
  w.BeginArray();
  for (const Timex& t : a.times) {
    w.BeginObject();
    w.Key("text"); w.String(text.substr(t.begin, t.end - t.begin));
    w.Key("start"); w.Int(t.begin);
    w.Key("end"); w.Int(t.end);
    w.Key("type"); w.String(TimexTypeName(t.type));
    w.Key("value"); w.String(t.value);
    if (!t.mod.empty()) { w.Key("mod"); w.String(t.mod); }
    w.EndObject();
  }
  w.EndArray();

  w.Key("events");
  w.BeginArray();
  for (const Event& e : a.events) {
    w.BeginObject();
    w.Key("source"); w.StringOrNull(ActorId(a.actors, e.source));
    w.Key("target"); w.StringOrNull(ActorId(a.actors, e.target));
    w.Key("cameo"); w.String(e.cameo);
    w.Key("root"); w.String(e.root);
    w.Key("quad"); w.Int(e.quad);
    w.Key("goldstein"); w.Double(e.goldstein, 1);
    w.Key("plover"); w.StringOrNull(e.plover);
    w.Key("mode"); w.String(EventModeName(e.mode));
    w.Key("date"); w.StringOrNull(e.date);
    if (!e.date_source.empty()) { w.Key("date_source"); w.String(e.date_source); }
    w.Key("place"); w.StringOrNull(ActorId(a.actors, e.place));
    w.Key("sentence"); w.Int(e.sentence);
    w.Key("start"); w.Int(e.begin);
    w.Key("end"); w.Int(e.end);
    w.Key("trigger"); w.String(e.trigger);
    w.Key("rule"); w.String(e.rule);
    if (!e.also.empty()) {
      w.Key("also");
      w.BeginArray();
      for (const Event::Evidence& ev : e.also) {
        w.BeginObject();
        w.Key("sentence"); w.Int(ev.sentence);
        w.Key("start"); w.Int(ev.begin);
        w.Key("end"); w.Int(ev.end);
        w.Key("rule"); w.String(ev.rule);
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();

  if (opt.with_clean_text) { w.Key("clean_text"); w.String(CleanText(d.text, a.clean.boilerplate)); }
  if (opt.with_text) { w.Key("text"); w.String(d.text); }
  w.EndObject();
  out->push_back('\n');
}

}  // namespace annals
