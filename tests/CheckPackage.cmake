# Builds the Debian package and checks what a user installing it gets.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
execute_process(COMMAND cpack -G DEB -B ${WORK_DIR} --config ${BUILD_DIR}/CPackConfig.cmake
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpack failed:\n${out}\n${err}")
endif()
file(GLOB debs ${WORK_DIR}/*.deb)
list(LENGTH debs n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one .deb, found: ${debs}")
endif()
execute_process(COMMAND dpkg-deb -c ${debs} OUTPUT_VARIABLE contents RESULT_VARIABLE rc)
execute_process(COMMAND dpkg-deb -f ${debs} Depends OUTPUT_VARIABLE depends)
foreach(expected
    "./usr/bin/trongate-admin"
    "./usr/share/applications/io.trongate.Admin.desktop"
    "./usr/share/metainfo/io.trongate.Admin.metainfo.xml"
    "./usr/share/icons/hicolor/scalable/apps/trongate-admin.svg")
  string(FIND "${contents}" "${expected}" pos)
  if(pos EQUAL -1)
    message(FATAL_ERROR "the package lacks ${expected}:\n${contents}")
  endif()
endforeach()
foreach(dep libqt6sql6-mysql libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 libqt6widgets6)
  string(FIND "${depends}" "${dep}" pos)
  if(pos EQUAL -1)
    message(FATAL_ERROR "the package does not depend on ${dep}: ${depends}")
  endif()
endforeach()
message(STATUS "package ok: ${debs}\nDepends: ${depends}")
