#include "annals/status.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

Result<int> Half(int x) {
  if (x % 2) return Status::InvalidInput("odd.txt: byte 3: not even");
  return x / 2;
}

TEST(Status, OkCarriesNothing) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.message(), "");
  EXPECT_EQ(sizeof(Status), sizeof(void*));
}

TEST(Status, ErrorsKeepTheirMessageThroughCopies) {
  Status e = Status::IoError("x.gz: byte 10: truncated gzip");
  Status copy = e;
  EXPECT_FALSE(copy.ok());
  EXPECT_EQ(copy.code(), Status::Code::kIoError);
  EXPECT_EQ(copy.message(), "x.gz: byte 10: truncated gzip");
}

TEST(Result, ValueOrStatus) {
  auto a = Half(4);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(*a, 2);
  auto b = Half(3);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().message(), "odd.txt: byte 3: not even");
}

}  // namespace
}  // namespace annals
