// The pipeline: runs every stage over one document and writes the JSONL
// output contract (docs/OUTPUT.md).
//
// Contract: a Pipeline is built once (it loads the knowledge base and the
// event patterns) and is then read-only: Analyze() may be called from many
// threads at once, each with its own Analysis (whose buffers are reused
// from one document to the next).
#ifndef ANNALS_PIPELINE_PIPELINE_H_
#define ANNALS_PIPELINE_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "annals/document.h"
#include "annals/status.h"
#include "clean/clean.h"
#include "events/events.h"
#include "text/text.h"
#include "time/time.h"

namespace annals {

struct PipelineOptions {
  std::string data_dir;      // empty: ANNALS_DATA, else the build's data folder
  TimeOptions time;
  bool run_times = true;
  bool run_actors = true;
  bool run_events = true;
  // An analyst's own dictionaries, used beside the built-in ones:
  std::vector<std::string> pattern_files;    // annals pattern format (docs/PATTERNS.md)
  std::vector<std::string> petrarch_verbs;   // PETRARCH verb dictionaries (CAMEO.2.0.txt style)
  std::vector<std::string> petrarch_actors;  // PETRARCH / Phoenix actor dictionaries
  std::vector<std::string> petrarch_agents;  // PETRARCH / Phoenix agent dictionaries
};

struct Analysis {
  Document doc;
  CleanResult clean;
  TextLayer text;
  std::vector<Timex> times;
  ActorResult actors;
  std::vector<Event> events;
};

struct OutputOptions {
  bool with_text = false;       // add "text"
  bool with_sentences = false;  // add "sentences": [[start,end],...]
  bool with_clean_text = false; // add "clean_text": text with boilerplate removed
};

class Pipeline {
 public:
  // Loads the knowledge base, the patterns and the options' dictionaries;
  // a dictionary's skipped malformed lines go to `warnings` if given.
  static Result<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options,
                                                  std::vector<std::string>* warnings = nullptr);

  // Runs clean, text, time, actors and events over `analysis->doc`.
  void Analyze(Analysis* analysis) const;

  // Appends one JSON line (with '\n') for `analysis` to `out`.
  static void WriteJson(const Analysis& analysis, const OutputOptions& options, std::string* out);

 private:
  PipelineOptions options_;
  std::unique_ptr<ActorResolver> actors_;
  std::unique_ptr<EventCoder> events_;
};

// The data folder to use: `explicit_dir` if set, else $ANNALS_DATA, else the
// folder this build was configured with.
std::string ResolveDataDir(const std::string& explicit_dir);

// The document text with boilerplate spans removed (each replaced by one
// newline), for display.
std::string CleanText(const std::string& text, const std::vector<Span>& boilerplate);

}  // namespace annals

#endif  // ANNALS_PIPELINE_PIPELINE_H_
