#include "tokens/TokenGenerator.h"

#include <openssl/err.h>
#include <openssl/rand.h>

#include <array>

static_assert(TokenGenerator::AlphabetSize == 55, "Trongate's alphabet has 55 characters");

namespace {
// 220 = 4 * 55: bytes at or above it are thrown away so that % 55 is uniform.
constexpr unsigned Limit = 256 - (256 % TokenGenerator::AlphabetSize);

bool opensslBytes(unsigned char *buffer, int size)
{
    if (RAND_bytes(buffer, size) == 1)
        return true;
    ERR_clear_error();
    return false;
}
} // namespace

TokenGenerator::TokenGenerator()
    : m_source(opensslBytes)
{
}

TokenGenerator::TokenGenerator(ByteSource source)
    : m_source(std::move(source))
{
}

std::optional<QString> TokenGenerator::generate(int length, QString *error) const
{
    if (length < MinLength || length > MaxLength) {
        if (error)
            *error = tr("A token must be %1 to %2 characters long; %3 was asked for.")
                         .arg(MinLength)
                         .arg(MaxLength)
                         .arg(length);
        return std::nullopt;
    }
    QString out;
    out.reserve(length);
    std::array<unsigned char, 64> buf {};
    // Each byte is kept with probability 220/256; a source stuck on rejected bytes is a broken source.
    int rounds = 0;
    while (out.size() < length) {
        if (!m_source(buf.data(), int(buf.size())) || ++rounds > 1000) {
            if (error)
                *error = tr("The system's random number generator failed; no token was made. Try again, and "
                            "report this if it keeps happening.");
            return std::nullopt;
        }
        for (unsigned char b : buf) {
            if (b >= Limit)
                continue;
            out.append(QLatin1Char(Alphabet[b % AlphabetSize]));
            if (out.size() == length)
                break;
        }
    }
    OPENSSL_cleanse(buf.data(), buf.size());
    return out;
}

bool TokenGenerator::isTrongateString(const QString &s, int length)
{
    if (s.size() != length)
        return false;
    for (QChar c : s)
        if (c.unicode() > 127 || !std::char_traits<char>::find(Alphabet, AlphabetSize, char(c.unicode())))
            return false;
    return true;
}
