// Scoring recognised mentions against gold named-entity annotations:
// MEANTIME (CAT XML, named mentions of PER/ORG/LOC entities) and CoNLL
// 2003 / CoNLL++ (token-per-line, BIO tags). The text of each document is
// rebuilt from its gold tokens (single spaces, a blank line between
// sentences), run through Tokenize() and the resolver, and mentions are
// compared by exact byte span and type. Our types map to the gold ones as
// PERSON -> PER, ORG -> ORG, STATE and PLACE -> LOC (gold sets annotate
// countries as locations, and a government named by its capital stays
// LOC there). Mentions found by coreference through pronouns or
// descriptions are not named mentions and are left out.
#ifndef ANNALS_ACTORS_NER_EVAL_H_
#define ANNALS_ACTORS_NER_EVAL_H_

#include <cstdint>
#include <cstdio>
#include <string>

#include "actors/actors.h"

namespace annals {

struct NerCounts {
  uint64_t gold = 0, pred = 0, tp = 0;
  double precision() const { return pred ? double(tp) / pred : 0; }
  double recall() const { return gold ? double(tp) / gold : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct NerScore {
  NerCounts per_type[3];  // PER, ORG, LOC: exact span and type
  NerCounts all;
  // Relaxed: a prediction matches a gold mention of the same type that it
  // overlaps, one to one (MEANTIME's named mentions span whole noun
  // phrases, "Apple Computer CEO Steve Jobs", where NER finds the names).
  NerCounts relaxed[3];
  NerCounts relaxed_all;
  int documents = 0;
};
inline const char* kNerTypes[3] = {"PER", "ORG", "LOC"};

// Scores the first `max_docs` documents (0 = all) of MEANTIME's
// intra-doc_annotation folder under `dir`. Misses and false alarms are
// listed on `errors` when it is not null.
Result<NerScore> EvalMeantime(const ActorResolver& resolver, const std::string& dir, int max_docs,
                              std::FILE* errors = nullptr);
// Scores a CoNLL-format file (documents split at -DOCSTART-).
Result<NerScore> EvalConll(const ActorResolver& resolver, const std::string& path, int max_docs,
                           std::FILE* errors = nullptr);
// Prints the tables (exact, then relaxed): one line per type and one for all.
void PrintNerScore(const std::string& title, const NerScore& s, std::FILE* out);

}  // namespace annals

#endif  // ANNALS_ACTORS_NER_EVAL_H_
