# Runs lupdate over the sources into a copy of the German .ts file and fails when any message is
# missing or unfinished: a user who switches to German must see no English left over.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
get_filename_component(ts_name ${TS_FILE} NAME)
file(COPY ${TS_FILE} DESTINATION ${WORK_DIR})
execute_process(
  COMMAND ${LUPDATE} -silent -no-obsolete -locations none -extensions cpp,h
          ${SOURCE_DIR}/db ${SOURCE_DIR}/models ${SOURCE_DIR}/ui ${SOURCE_DIR}/app -ts ${WORK_DIR}/${ts_name}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed: ${out}${err}")
endif()
file(READ ${WORK_DIR}/${ts_name} content)
# tr() looks a message up by its class: a context lupdate could not tie to one (it read a template
# as namespace "std", say) is never found at run time, translated or not.
string(REGEX MATCHALL "<name>[^<]*</name>" contexts "${content}")
foreach(c IN LISTS contexts)
  string(REGEX REPLACE "<name>([^<]*)</name>" "\\1" c "${c}")
  if(c STREQUAL "std")
    message(FATAL_ERROR "lupdate put messages into the context \"${c}\", which no tr() call uses at run time: "
                        "simplify the code before them (see the template in ui/TokenActions.h)")
  endif()
endforeach()
string(REGEX MATCHALL "<message[^>]*>[^<]*<source>[^<]*</source>([^<]|<[^/]|</[^m])*<translation type=\"unfinished\"" unfinished "${content}")
list(LENGTH unfinished count)
string(REGEX MATCHALL "<message" all "${content}")
list(LENGTH all total)
if(count GREATER 0)
  string(REGEX MATCHALL "<source>[^<]*</source>([^<]|<[^/]|</[^m])*<translation type=\"unfinished\"" srcs "${content}")
  set(listing "")
  foreach(s IN LISTS srcs)
    string(REGEX REPLACE "<source>([^<]*)</source>.*" "\\1" s "${s}")
    string(APPEND listing "\n  ${s}")
  endforeach()
  message(FATAL_ERROR "${count} of ${total} messages have no German translation. Run 'cmake --build build --target update_translations' and translate them in translations/${ts_name}:${listing}")
endif()
message(STATUS "All ${total} messages are translated.")

# English carries only plural forms ("%n token(s)" -> "1 token" / "3 tokens"): every one must be filled.
if(PLURALS_TS)
  get_filename_component(plurals_name ${PLURALS_TS} NAME)
  file(COPY ${PLURALS_TS} DESTINATION ${WORK_DIR})
  execute_process(
    COMMAND ${LUPDATE} -silent -pluralonly -no-obsolete -locations none -extensions cpp,h -target-language en
            ${SOURCE_DIR}/db ${SOURCE_DIR}/models ${SOURCE_DIR}/ui ${SOURCE_DIR}/app -ts ${WORK_DIR}/${plurals_name}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed: ${out}${err}")
  endif()
  file(READ ${WORK_DIR}/${plurals_name} content)
  string(REGEX MATCHALL "<translation type=\"unfinished\"" unfinished "${content}")
  list(LENGTH unfinished count)
  if(count GREATER 0)
    message(FATAL_ERROR "${count} plural messages have no English forms. Run 'cmake --build build --target update_translations' and fill them in translations/${plurals_name}.")
  endif()
  message(STATUS "All English plural forms are filled.")
endif()
