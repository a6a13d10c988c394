// Shingle-based precision/recall for main-text extraction, as defined by
// the Zyte/Scrapinghub article-extraction benchmark: tokens are runs of
// word characters (Unicode letters, digits, underscore: Python's \w),
// shingles are token 4-grams (one shingle of all tokens when fewer), and
// per page the multiset TP/FP/FN are normalised to sum 1 so that long
// pages do not weigh more. Over pages, precision and recall are means (a
// page counts for precision only if tp+fp > 0, for recall if tp+fn > 0)
// and F1 is their harmonic mean.
#ifndef ANNALS_CLEAN_SHINGLE_F1_H_
#define ANNALS_CLEAN_SHINGLE_F1_H_

#include <string_view>
#include <vector>

namespace annals {

struct ShingleCounts {
  double tp = 0, fp = 0, fn = 0;  // normalised to sum 1 (all 0 if both texts are empty)
  double precision() const;       // the benchmark's per-page precision
  double recall() const;
};

ShingleCounts ShingleMatch(std::string_view truth, std::string_view prediction);

struct ShingleScore {
  double precision = 0, recall = 0, f1 = 0;
};
ShingleScore ScorePages(const std::vector<ShingleCounts>& pages);

}  // namespace annals

#endif  // ANNALS_CLEAN_SHINGLE_F1_H_
