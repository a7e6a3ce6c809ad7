#include "tokens/TokenGenerator.h"

#include <QSet>
#include <QTest>

#include <array>
#include <cmath>

class TestTokenGenerator final : public QObject {
    Q_OBJECT

private slots:
    void lengths_data();
    void lengths();
    void usesOnlyTrongatesAlphabet();
    void everyCharacterIsEquallyLikely();
    void failingRandomSourceIsReported();
    void biasedBytesAreRejectedNotFolded();
};

void TestTokenGenerator::lengths_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("Trongate's 32") << 32 << true;
    QTest::addRow("shortest allowed, 16") << 16 << true;
    QTest::addRow("longest the column holds, 125") << 125 << true;
    QTest::addRow("15 is too short") << 15 << false;
    QTest::addRow("126 does not fit varchar(125)") << 126 << false;
    QTest::addRow("zero") << 0 << false;
    QTest::addRow("negative") << -5 << false;
}

void TestTokenGenerator::lengths()
{
    QFETCH(int, length);
    QFETCH(bool, accepted);
    QString error;
    const auto s = TokenGenerator().generate(length, &error);
    QCOMPARE(bool(s), accepted);
    if (accepted)
        QCOMPARE(s->size(), length);
    else
        QVERIFY(error.contains(QLatin1String("16 to 125")));
}

void TestTokenGenerator::usesOnlyTrongatesAlphabet()
{
    const TokenGenerator g;
    QSet<QString> seen;
    for (int i = 0; i < 2000; ++i) {
        const QString s = *g.generate();
        QVERIFY2(TokenGenerator::isTrongateString(s), qPrintable(s));
        for (QChar c : QStringLiteral("01ilo0IO"))
            QVERIFY(!s.contains(c));
        seen.insert(s);
    }
    QCOMPARE(seen.size(), 2000);
}

void TestTokenGenerator::everyCharacterIsEquallyLikely()
{
    // Chi-square over 3.2 million characters; 54 degrees of freedom. The 0.9999 quantile is
    // about 99.6: a correct generator fails this once in ten thousand runs, Trongate's "% 55"
    // fails it every time (its first 36 characters come 5/256 instead of 4/256 of the time).
    const TokenGenerator g;
    std::array<qint64, TokenGenerator::AlphabetSize> counts {};
    const char *alphabet = TokenGenerator::Alphabet;
    qint64 total = 0;
    for (int i = 0; i < 100000; ++i) {
        const QString s = *g.generate(32);
        for (QChar c : s) {
            ++counts[std::strchr(alphabet, char(c.unicode())) - alphabet];
            ++total;
        }
    }
    const double expected = double(total) / TokenGenerator::AlphabetSize;
    double chi2 = 0;
    for (qint64 n : counts)
        chi2 += (n - expected) * (n - expected) / expected;
    QVERIFY2(chi2 < 99.6, qPrintable(QStringLiteral("chi-square %1 over %2 characters").arg(chi2).arg(total)));

    // The same statistic on Trongate's biased mapping, to show the test can tell.
    std::array<qint64, TokenGenerator::AlphabetSize> biased {};
    for (qint64 i = 0; i < total; ++i)
        ++biased[(i * 2654435761u % 256) % TokenGenerator::AlphabetSize];
    double chi2Biased = 0;
    for (qint64 n : biased)
        chi2Biased += (n - expected) * (n - expected) / expected;
    QVERIFY(chi2Biased > 1000);
}

void TestTokenGenerator::failingRandomSourceIsReported()
{
    const TokenGenerator broken([](unsigned char *, int) { return false; });
    QString error;
    QVERIFY(!broken.generate(32, &error));
    QVERIFY2(error.contains(QLatin1String("random number generator failed")), qPrintable(error));

    // A source stuck on bytes that must be rejected is broken too, not an endless loop.
    const TokenGenerator stuck([](unsigned char *b, int n) {
        std::fill(b, b + n, 250);
        return true;
    });
    QVERIFY(!stuck.generate(32, &error));
}

void TestTokenGenerator::biasedBytesAreRejectedNotFolded()
{
    // Bytes 220..255 would fold onto the first 36 characters; they must be skipped.
    int call = 0;
    const TokenGenerator g([&call](unsigned char *b, int n) {
        for (int i = 0; i < n; ++i)
            b[i] = (call == 0) ? 220 + (i % 36) : 54; // first fill: all rejected; then index 54 ('Z')
        ++call;
        return true;
    });
    const auto s = g.generate(16);
    QVERIFY(s);
    QCOMPARE(*s, QString(16, QLatin1Char('Z')));
    QCOMPARE(call, 2);
}

QTEST_GUILESS_MAIN(TestTokenGenerator)
#include "TestTokenGenerator.moc"
