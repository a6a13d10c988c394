# ingest: ICU converts HTML payloads in legacy character sets to UTF-8
# (src/ingest/charset.cc); PkgConfig::ICU is found by the top CMakeLists.
target_link_libraries(annals_${name} PUBLIC PkgConfig::ICU)
