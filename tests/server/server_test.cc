// The HTTP API end to end on a loopback port: health, stats, events in
// every format, extraction of a posted article, and errors as JSON.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/server.h"

namespace annals {
namespace {

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (std::filesystem::temp_directory_path() / ("annals-server-" + std::to_string(::getpid()) + ".db")).string();
    std::filesystem::remove(db_);
    auto p = Pipeline::Create(PipelineOptions{});
    ASSERT_TRUE(p.ok()) << p.status().message();
    pipeline_ = std::move(p).value();
    auto s = Store::Open(db_);
    ASSERT_TRUE(s.ok());
    store_ = std::move(s).value();
    Analysis a;
    a.doc.id = "d1";
    a.doc.dct = CivilDate{2024, 4, 2};
    a.doc.text = "Blinken met Macron.";
    a.actors.actors = {Actor{"antony-blinken", "Antony Blinken", ActorKind::kPerson, "USA", "", "USAGOV"},
                       Actor{"emmanuel-macron", "Emmanuel Macron", ActorKind::kPerson, "FRA", "", "FRAGOV"}};
    Event e;
    e.source = 0, e.target = 1, e.cameo = "036", e.root = "03", e.quad = 1, e.goldstein = 4;
    e.date = "2024-04-02", e.trigger = "met", e.rule = "test";
    a.events.push_back(e);
    ASSERT_TRUE(store_->Add(a).ok());
    ASSERT_TRUE(store_->Flush().ok());
    server_ = std::make_unique<ApiServer>(*pipeline_, store_.get(), ANNALS_SOURCE_DIR "/web");
    port_ = server_->BindToAnyPort("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_->Serve(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_connection_timeout(5);
    for (int i = 0; i < 100 && !client_->Get("/api/health"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    store_.reset();
    std::filesystem::remove(db_);
    std::filesystem::remove(db_ + "-wal");
    std::filesystem::remove(db_ + "-shm");
  }

  std::string db_;
  std::unique_ptr<Pipeline> pipeline_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<ApiServer> server_;
  int port_ = -1;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServerTest, HealthAndStats) {
  auto r = client_->Get("/api/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  r = client_->Get("/api/stats");
  ASSERT_TRUE(r);
  auto j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["documents"], 1);
  EXPECT_EQ(j["events"], 1);
}

TEST_F(ServerTest, EventsInEveryFormat) {
  auto r = client_->Get("/api/events?actor=FRA");
  ASSERT_TRUE(r);
  auto j = nlohmann::json::parse(r->body);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["cameo"], "036");
  EXPECT_EQ(j[0]["source_name"], "Antony Blinken");
  r = client_->Get("/api/events?actor=RUS");
  EXPECT_EQ(nlohmann::json::parse(r->body).size(), 0u);
  r = client_->Get("/api/events?format=csv");
  EXPECT_EQ(r->body.rfind("id,date,source", 0), 0u);
  r = client_->Get("/api/events?format=gdelt");
  EXPECT_EQ(std::count(r->body.begin(), r->body.end(), '\t'), 60);
  r = client_->Get("/api/events?format=xml");
  EXPECT_EQ(r->status, 400);
  EXPECT_TRUE(nlohmann::json::parse(r->body).contains("error"));
  r = client_->Get("/api/events?limit=abc");
  EXPECT_EQ(r->status, 400);
}

TEST_F(ServerTest, ExtractsAPostedArticle) {
  auto r = client_->Post("/api/extract?format=text&date=2024-04-02&text=1",
                         "The minister will visit Paris on Tuesday.", "text/plain");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto j = nlohmann::json::parse(r->body.substr(0, r->body.find('\n')));
  EXPECT_EQ(j["date"], "2024-04-02");
  EXPECT_EQ(j["text"], "The minister will visit Paris on Tuesday.");
  r = client_->Post("/api/extract?date=2024-99-99", "x", "text/plain");
  EXPECT_EQ(r->status, 400);
}

TEST_F(ServerTest, ServesTheWebPage) {
  auto r = client_->Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("annals"), std::string::npos);
  r = client_->Get("/app.js");
  EXPECT_EQ(r->status, 200);
}

}  // namespace
}  // namespace annals
