#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

// Random strings in Trongate's alphabet (make_rand_str), from OpenSSL's CSPRNG. Each byte is
// accepted only below the largest multiple of 55 (rejection sampling), so every character is
// equally likely; Trongate's own "% 55" is biased, the strings are accepted by it all the same.
class TokenGenerator final {
    Q_DECLARE_TR_FUNCTIONS(TokenGenerator)

public:
    static constexpr char Alphabet[] = "23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    static constexpr int AlphabetSize = sizeof(Alphabet) - 1; // 55
    static constexpr int DefaultLength = 32;
    static constexpr int MinLength = 16;
    static constexpr int MaxLength = 125;

    // Fills the buffer with random bytes; false when the source failed.
    using ByteSource = std::function<bool(unsigned char *buffer, int size)>;

    TokenGenerator();
    explicit TokenGenerator(ByteSource source);

    // nullopt with error set when the length is out of range or the random source failed.
    std::optional<QString> generate(int length = DefaultLength, QString *error = nullptr) const;
    static bool isTrongateString(const QString &s, int length = DefaultLength);

private:
    ByteSource m_source;
};
