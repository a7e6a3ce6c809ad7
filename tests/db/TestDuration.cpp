#include "tokens/Duration.h"

#include <QTest>

// Lifespans as people type them on the command line: --ttl 3600, 90s, 15m, 1h, 7d.
class TestDuration final : public QObject {
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void format_data();
    void format();
};

void TestDuration::accepted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds");
    QTest::addRow("plain seconds, Trongate's default day") << "86400" << qint64(86400);
    QTest::addRow("seconds with unit") << "90s" << qint64(90);
    QTest::addRow("minutes") << "15m" << qint64(900);
    QTest::addRow("hours") << "1h" << qint64(3600);
    QTest::addRow("days: remember me") << "30d" << qint64(30 * 86400);
    QTest::addRow("weeks") << "2w" << qint64(14 * 86400);
    QTest::addRow("a sum") << "1h30m" << qint64(5400);
    QTest::addRow("a sum with spaces") << "1d 12h" << qint64(86400 + 12 * 3600);
    QTest::addRow("surrounding whitespace") << "  7d\n" << qint64(7 * 86400);
    QTest::addRow("leading zeros") << "007m" << qint64(420);
    QTest::addRow("one second") << "1" << qint64(1);
    QTest::addRow("the largest that fits a signed 32-bit expiry") << "2147483647" << qint64(2147483647);
}

void TestDuration::accepted()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    QString error;
    const auto parsed = Duration::parse(text, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(*parsed, seconds);
}

void TestDuration::refused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::addRow("empty") << ""
                           << "empty";
    QTest::addRow("only spaces") << "   "
                                 << "empty";
    QTest::addRow("garbage") << "soon"
                             << "not a duration";
    QTest::addRow("unit without number") << "h"
                                         << "not a duration";
    QTest::addRow("unknown unit") << "3y"
                                  << "not a unit of time";
    QTest::addRow("unit in capitals") << "1H"
                                      << "lower case";
    QTest::addRow("negative") << "-5m"
                              << "negative";
    QTest::addRow("zero") << "0"
                          << "zero";
    QTest::addRow("zero with unit") << "0h"
                                    << "zero";
    QTest::addRow("fraction") << "1.5h"
                              << "90m";
    QTest::addRow("one past 32 bits") << "2147483648"
                                      << "too long";
    QTest::addRow("overflowing days") << "99999999999999999999d"
                                      << "too long";
    QTest::addRow("sum overflowing") << "2147483647s1s"
                                     << "too long";
    QTest::addRow("trailing garbage") << "5m!"
                                      << "not a duration";
}

void TestDuration::refused()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    QString error;
    QCOMPARE(Duration::parse(text, &error), std::nullopt);
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestDuration::format_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::addRow("seconds") << qint64(45) << "45 s";
    QTest::addRow("minutes and seconds") << qint64(125) << "2 min 5 s";
    QTest::addRow("whole hour") << qint64(3600) << "1 h";
    QTest::addRow("hours and minutes") << qint64(3 * 3600 + 5 * 60 + 9) << "3 h 5 min";
    QTest::addRow("days and hours") << qint64(2 * 86400 + 3 * 3600) << "2 d 3 h";
    QTest::addRow("negative is shown as its size") << qint64(-90) << "1 min 30 s";
}

void TestDuration::format()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(Duration::format(seconds), text);
}

QTEST_GUILESS_MAIN(TestDuration)
#include "TestDuration.moc"
