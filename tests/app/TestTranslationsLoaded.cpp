#include <QDir>
#include <QFile>
#include <QSize>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The real binary, started as a German-speaking person starts it, speaks German: in --help and in
// the rendered window. (A complete .ts file proves nothing if the .qm never loads.)
class TestTranslationsLoaded final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void helpText_data();
    void helpText();
    void windowTexts_data();
    void windowTexts();
    void everyPageFitsAnSvgaScreen_data();
    void everyPageFitsAnSvgaScreen();

private:
    struct Run {
        int code = -1;
        QString out;
        QString err;
    };
    // language: the View ▸ Language setting ("" = none saved); locale: LANG for the process.
    Run run(const QStringList &args, const QString &language, const QString &locale,
        const QString &textsFile = {});
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestTranslationsLoaded::init()
{
    m_home = std::make_unique<QTemporaryDir>();
}

TestTranslationsLoaded::Run TestTranslationsLoaded::run(
    const QStringList &args, const QString &language, const QString &locale, const QString &textsFile)
{
    const QString config = m_home->filePath(QStringLiteral(".config"));
    if (!language.isEmpty()) {
        QDir().mkpath(config + QStringLiteral("/Trongate"));
        QFile settings(config + QStringLiteral("/Trongate/trongate-admin.conf"));
        if (!settings.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        settings.write("[ui]\nlanguage=" + language.toUtf8() + "\n");
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral(".local/share")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    for (const char *name : { "LC_ALL", "LC_MESSAGES", "LANGUAGE", "TRONGATE_DB_PASSWORD" })
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("LANG"), locale);
    if (!textsFile.isEmpty())
        env.insert(QStringLiteral("TGADMIN_DUMP_TEXTS"), textsFile);
    QProcess p;
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral(TGADMIN_BINARY), args);
    if (!p.waitForFinished(60000))
        return {};
    return { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
}

void TestTranslationsLoaded::helpText_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<bool>("german");
    QTest::addRow("View > Language > Deutsch saved, English system") << "de" << "en_US.UTF-8" << true;
    QTest::addRow("no language saved, German system (LANG=de_DE)") << "" << "de_DE.UTF-8" << true;
    QTest::addRow("English saved, German system") << "en" << "de_DE.UTF-8" << false;
    QTest::addRow("no language saved, English system") << "" << "en_US.UTF-8" << false;
}

void TestTranslationsLoaded::helpText()
{
    QFETCH(QString, language);
    QFETCH(QString, locale);
    QFETCH(bool, german);
    const Run r = run({ QStringLiteral("--help") }, language, locale);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString help = r.out;
    if (german) {
        QVERIFY2(help.contains(QLatin1String("Befehle:")), qPrintable(help));
        QVERIFY2(help.contains(QStringLiteral("Ohne Befehl öffnet sich das Konsolenfenster.")), qPrintable(help));
        QVERIFY2(!help.contains(QLatin1String("Commands:")), qPrintable(help));
    } else {
        QVERIFY2(help.contains(QLatin1String("Commands:")), qPrintable(help));
        QVERIFY2(!help.contains(QLatin1String("Befehle:")), qPrintable(help));
    }
}

void TestTranslationsLoaded::windowTexts_data()
{
    helpText_data();
}

void TestTranslationsLoaded::windowTexts()
{
    QFETCH(QString, language);
    QFETCH(QString, locale);
    QFETCH(bool, german);
    const QString png = m_home->filePath(QStringLiteral("overview.png"));
    const QString textsFile = m_home->filePath(QStringLiteral("texts.txt"));
    const Run r = run({ QStringLiteral("--screenshot"), png, QStringLiteral("--page"), QStringLiteral("overview") },
        language, locale, textsFile);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(png));
    QFile file(textsFile);
    QVERIFY2(file.open(QIODevice::ReadOnly), "TGADMIN_DUMP_TEXTS wrote nothing");
    const QStringList texts = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // Page list, menu titles, the overview's table header: what anyone sees first.
    const QStringList germanTexts = { QStringLiteral("Übersicht"), QStringLiteral("Stufen"),
        QStringLiteral("Benutzer"), QStringLiteral("Beziehungen"), QStringLiteral("Datei"), QStringLiteral("Ansicht"),
        QStringLiteral("Hilfe"), QStringLiteral("Tabellen") };
    const QStringList englishTexts = { QStringLiteral("Overview"), QStringLiteral("Levels"), QStringLiteral("Users"),
        QStringLiteral("Relations"), QStringLiteral("File"), QStringLiteral("View"), QStringLiteral("Help"),
        QStringLiteral("Tables") };
    const QStringList &present = german ? germanTexts : englishTexts;
    const QStringList &absent = german ? englishTexts : germanTexts;
    const QString all = texts.join(QStringLiteral(" | "));
    for (const QString &t : present)
        QVERIFY2(texts.contains(t), qPrintable(QStringLiteral("missing \"%1\" in: %2").arg(t, all)));
    for (const QString &t : absent)
        QVERIFY2(!texts.contains(t), qPrintable(QStringLiteral("unexpected \"%1\" in: %2").arg(t, all)));
}

void TestTranslationsLoaded::everyPageFitsAnSvgaScreen_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("page");
    for (const char *language : { "de", "en" })
        for (const char *page : { "overview", "levels", "users", "tokens", "relations", "expiry", "activity" })
            QTest::addRow("%s, %s", language, page) << QString::fromLatin1(language) << QString::fromLatin1(page);
}

// German words are longer: the running window, in either language, still fits 800×600 on every
// page (a window that cannot shrink renders larger than asked).
void TestTranslationsLoaded::everyPageFitsAnSvgaScreen()
{
    QFETCH(QString, language);
    QFETCH(QString, page);
    const QString png = m_home->filePath(QStringLiteral("svga.png"));
    QFile::remove(png);
    const Run r = run({ QStringLiteral("--screenshot"), png, QStringLiteral("--page"), page, QStringLiteral("--size"),
                          QStringLiteral("800x600") },
        language, QStringLiteral("en_US.UTF-8"));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile file(png);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray head = file.read(24); // PNG signature, IHDR length and type, width, height
    QCOMPARE(head.size(), 24);
    const auto be32 = [&head](int at) {
        return quint32(uchar(head[at])) << 24 | quint32(uchar(head[at + 1])) << 16 | quint32(uchar(head[at + 2])) << 8
            | quint32(uchar(head[at + 3]));
    };
    QCOMPARE(QSize(int(be32(16)), int(be32(20))), QSize(800, 600));
}

QTEST_GUILESS_MAIN(TestTranslationsLoaded)
#include "TestTranslationsLoaded.moc"
