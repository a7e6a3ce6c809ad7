// libFuzzer entry point for the parsers that take text from a person or a script:
// ConnectionProfile::fromUrl/validate/toUrl/parsePort, Duration::parse/format, CsvExporter::escape.
// The first byte picks the parser; the rest is the text, decoded as UTF-8 (invalid sequences become
// replacement characters, as they do for a paste). A broken property aborts, so the fuzzer keeps
// the input that shows it.
#include "connection/ConnectionProfile.h"
#include "CsvExporter.h"
#include "tokens/Duration.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {
void require(bool condition)
{
    if (!condition)
        std::abort();
}

void url(const QString &text)
{
    QString error;
    const auto p = ConnectionProfile::fromUrl(text, &error);
    if (!p) {
        require(!error.isEmpty());
        return;
    }
    require(p->validate(false).isEmpty());
    // fromUrl trims surrounding whitespace (a copied line break), so a file whose name ends in
    // whitespace cannot come back through a URL; everything else must.
    if (p->sqlitePath != p->sqlitePath.trimmed())
        return;
    const auto back = ConnectionProfile::fromUrl(p->toUrl(), &error);
    require(back.has_value());
    require(back->driver == p->driver && back->host == p->host && back->port == p->port
        && back->database == p->database && back->user == p->user && back->tls == p->tls
        && back->sqlitePath == p->sqlitePath && back->unixSocket == p->unixSocket);
}

void port(const QString &text)
{
    QString error;
    const auto v = ConnectionProfile::parsePort(text, &error);
    require(v ? (*v >= 0 && *v <= 65535) : !error.isEmpty());
}

void duration(const QString &text)
{
    QString error;
    const auto v = Duration::parse(text, &error);
    if (v) {
        require(*v >= 1 && *v <= Duration::MaxSeconds);
        require(!Duration::format(*v).isEmpty());
    } else {
        require(!error.isEmpty());
    }
}

void csv(const QString &field)
{
    const QString out = CsvExporter::escape(field);
    QString read = out;
    if (out.startsWith(QLatin1Char('"'))) {
        require(out.size() >= 2 && out.endsWith(QLatin1Char('"')));
        read = out.mid(1, out.size() - 2);
        require(!QString(read).remove(QStringLiteral("\"\"")).contains(QLatin1Char('"')));
        read.replace(QStringLiteral("\"\""), QStringLiteral("\""));
    } else {
        require(!out.contains(QLatin1Char(',')) && !out.contains(QLatin1Char('\n')) && !out.contains(QLatin1Char('\r')));
    }
    const bool formula = !field.isEmpty() && QStringLiteral("=+-@\t\r").contains(field.front());
    require(read == (formula ? QLatin1Char('\'') + field : field));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0 || size > 1 << 16)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (data[0] % 4) {
    case 0:
        url(text);
        break;
    case 1:
        port(text);
        break;
    case 2:
        duration(text);
        break;
    default:
        csv(text);
        break;
    }
    return 0;
}
