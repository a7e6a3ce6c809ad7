#include "audit/Log.h"

Q_LOGGING_CATEGORY(lcDb, "tgadmin.db", QtInfoMsg)
