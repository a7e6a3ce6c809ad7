#include "sql/ClientLibrary.h"

#include <QSqlDriver>
#include <QVariant>

#include <dlfcn.h>

void *ClientLibrary::driverHandle(const QSqlDatabase &db, std::initializer_list<const char *> typeNames)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid())
        return nullptr;
    for (const char *name : typeNames)
        if (qstrcmp(handle.typeName(), name) == 0)
            return *static_cast<void *const *>(handle.constData());
    return nullptr;
}

void *ClientLibrary::loadedFunction(std::initializer_list<const char *> sonames, const char *symbol)
{
    for (const char *soname : sonames) {
        // RTLD_NOLOAD: only a library the driver plugin loaded; the reference taken is dropped
        // again at once (the plugin's own keeps it loaded).
        void *library = dlopen(soname, RTLD_LAZY | RTLD_NOLOAD);
        if (!library)
            continue;
        void *function = dlsym(library, symbol);
        dlclose(library);
        if (function)
            return function;
    }
    return nullptr;
}
