#include "ConnectionDialog.h"

#include "DialogHostKeyPrompter.h"

#include "connection/ProfileStore.h"
#include "Prompter.h"
#include "schema/SchemaInspector.h"
#include "connection/SecretStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

namespace {
struct TestOutcome {
    ConnectResult result;
    QStringList trongateTables;
    bool fileWillBeCreated = false;
};

// A form row whose field is a layout: the label still gets its buddy, so its & shortcut works.
void addBuddyRow(QFormLayout *form, const QString &text, QWidget *buddy, QLayout *field)
{
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    form->addRow(label, field);
}

QLineEdit *lineEdit(QWidget *parent, const char *objectName, const QString &placeholder = {})
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(QString::fromLatin1(objectName));
    e->setPlaceholderText(placeholder);
    e->setClearButtonEnabled(true);
    return e;
}
} // namespace

ConnectionDialog::ConnectionDialog(
    ProfileStore &profiles, SecretStore &secrets, Prompter &prompter, bool keychainAvailable, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_prompter(prompter)
    , m_keychainAvailable(keychainAvailable)
{
    setObjectName(QStringLiteral("ConnectionDialog"));
    setWindowTitle(tr("Connections"));
    buildUi(keychainAvailable);
    refreshList({});
    if (m_list->count() == 0)
        startNewProfile();
    else
        m_list->setCurrentRow(0);
}

ConnectionDialog::~ConnectionDialog()
{
    m_password->clear();
    m_sshSecret->clear();
}

void ConnectionDialog::buildUi(bool keychainAvailable)
{
    auto *outer = new QVBoxLayout(this);
    auto *splitter = new QSplitter(this);
    outer->addWidget(splitter, 1);

    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Saved connections:"), left));
    m_list = new QListWidget(left);
    m_list->setObjectName(QStringLiteral("profileList"));
    leftLayout->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    auto *newButton = new QPushButton(style()->standardIcon(QStyle::SP_FileIcon), tr("&New"), left);
    newButton->setObjectName(QStringLiteral("newButton"));
    m_deleteButton = new QPushButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("&Delete"), left);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    listButtons->addWidget(newButton);
    listButtons->addWidget(m_deleteButton);
    leftLayout->addLayout(listButtons);

    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    m_name = lineEdit(right, "nameEdit", tr("e.g. Production shop"));
    form->addRow(tr("&Name:"), m_name);
    m_driver = new QComboBox(right);
    m_driver->setObjectName(QStringLiteral("driverCombo"));
    for (DriverKind k : { DriverKind::MySql, DriverKind::Sqlite, DriverKind::Postgres })
        m_driver->addItem(ConnectionProfile::driverLabel(k), int(k));
    form->addRow(tr("&Type:"), m_driver);
    rightLayout->addLayout(form);

    m_stack = new QStackedWidget(right);
    // SQLite page
    auto *sqlitePage = new QWidget(m_stack);
    auto *sqliteForm = new QFormLayout(sqlitePage);
    sqliteForm->setContentsMargins(0, 0, 0, 0);
    auto *pathRow = new QHBoxLayout;
    m_sqlitePath = lineEdit(sqlitePage, "sqlitePathEdit", tr("/path/to/database.sqlite"));
    auto *browse = new QPushButton(tr("&Browse…"), sqlitePage);
    pathRow->addWidget(m_sqlitePath, 1);
    pathRow->addWidget(browse);
    addBuddyRow(sqliteForm, tr("&File:"), m_sqlitePath, pathRow);
    m_create = new QCheckBox(tr("Create the file if it does not exist"), sqlitePage);
    m_create->setObjectName(QStringLiteral("createCheck"));
    sqliteForm->addRow(QString(), m_create);
    m_stack->addWidget(sqlitePage);
    // Server page
    auto *serverPage = new QWidget(m_stack);
    auto *serverLayout = new QVBoxLayout(serverPage);
    serverLayout->setContentsMargins(0, 0, 0, 0);
    auto *serverForm = new QFormLayout;
    m_host = lineEdit(serverPage, "hostEdit", tr("db.example.com or 127.0.0.1"));
    m_port = lineEdit(serverPage, "portEdit");
    m_port->setMaxLength(8);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 3);
    hostRow->addWidget(new QLabel(tr("&Port:"), serverPage));
    static_cast<QLabel *>(hostRow->itemAt(1)->widget())->setBuddy(m_port);
    hostRow->addWidget(m_port, 1);
    addBuddyRow(serverForm, tr("&Host:"), m_host, hostRow);
    m_database = lineEdit(serverPage, "databaseEdit", tr("the database that holds trongate_users"));
    serverForm->addRow(tr("&Database:"), m_database);
    m_user = lineEdit(serverPage, "userEdit");
    serverForm->addRow(tr("&User:"), m_user);
    m_password = lineEdit(serverPage, "passwordEdit");
    m_password->setEchoMode(QLineEdit::Password);
    serverForm->addRow(tr("Pass&word:"), m_password);
    m_remember = new QCheckBox(tr("&Remember the password in the system keychain"), serverPage);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_remember->setChecked(keychainAvailable);
    m_remember->setEnabled(keychainAvailable);
    serverForm->addRow(QString(), m_remember);
    if (!keychainAvailable) {
        auto *note = new QLabel(SecretStore::unavailableText(), serverPage);
        note->setObjectName(QStringLiteral("keychainLabel"));
        note->setWordWrap(true);
        serverForm->addRow(QString(), note);
    }
    m_socket = lineEdit(serverPage, "socketEdit", tr("optional, e.g. /run/mysqld/mysqld.sock"));
    serverForm->addRow(tr("Unix &socket:"), m_socket);
    serverLayout->addLayout(serverForm);

    m_tlsGroup = new QGroupBox(tr("TLS"), serverPage);
    auto *tlsForm = new QFormLayout(m_tlsGroup);
    m_requireTls = new QCheckBox(tr("Require TLS (refuse to connect without it)"), m_tlsGroup);
    m_requireTls->setObjectName(QStringLiteral("requireTlsCheck"));
    tlsForm->addRow(QString(), m_requireTls);
    auto fileRow = [this](QLineEdit *edit, const QString &title) {
        auto *row = new QHBoxLayout;
        auto *b = new QPushButton(tr("Browse…"), m_tlsGroup);
        connect(b, &QPushButton::clicked, this, [this, edit, title] { browseFile(edit, title); });
        row->addWidget(edit, 1);
        row->addWidget(b);
        return row;
    };
    m_ca = lineEdit(m_tlsGroup, "caEdit", tr("PEM file of the certificate authority"));
    m_cert = lineEdit(m_tlsGroup, "certEdit", tr("optional"));
    m_key = lineEdit(m_tlsGroup, "keyEdit", tr("optional"));
    addBuddyRow(tlsForm, tr("&CA certificate:"), m_ca, fileRow(m_ca, tr("Choose the CA certificate")));
    addBuddyRow(tlsForm, tr("Client c&ertificate:"), m_cert, fileRow(m_cert, tr("Choose the client certificate")));
    addBuddyRow(tlsForm, tr("Client &key:"), m_key, fileRow(m_key, tr("Choose the client key")));
    auto *tlsNote = new QLabel(tr("With TLS required or a CA file chosen, the server's certificate chain and host name "
                                  "are always verified on the connection that carries the password (against the CA "
                                  "file, or this computer's trusted authorities); a server that fails either check "
                                  "never receives it."),
        m_tlsGroup);
    tlsNote->setObjectName(QStringLiteral("tlsVerifyNote"));
    tlsNote->setWordWrap(true);
    tlsForm->addRow(tlsNote);
    serverLayout->addWidget(m_tlsGroup);

    // Through SSH: the database's host and port (or socket) above are then as seen from the SSH host.
    m_sshGroup = new QGroupBox(tr("Connect through an SSH host"), serverPage);
    m_sshGroup->setObjectName(QStringLiteral("sshGroup"));
    m_sshGroup->setCheckable(true);
    m_sshGroup->setChecked(false);
    auto *sshForm = new QFormLayout(m_sshGroup);
    m_sshHost = lineEdit(m_sshGroup, "sshHostEdit", tr("ssh.example.com or an alias from ~/.ssh/config"));
    m_sshPort = lineEdit(m_sshGroup, "sshPortEdit", QStringLiteral("22"));
    m_sshPort->setMaxLength(8);
    auto *sshHostRow = new QHBoxLayout;
    sshHostRow->addWidget(m_sshHost, 3);
    auto *sshPortLabel = new QLabel(tr("SSH port:"), m_sshGroup);
    sshPortLabel->setBuddy(m_sshPort);
    sshHostRow->addWidget(sshPortLabel);
    sshHostRow->addWidget(m_sshPort, 1);
    addBuddyRow(sshForm, tr("V&ia SSH host:"), m_sshHost, sshHostRow);
    m_sshUser = lineEdit(m_sshGroup, "sshUserEdit", tr("from ~/.ssh/config, else your user name"));
    sshForm->addRow(tr("SSH &login:"), m_sshUser);
    m_sshAuth = new QComboBox(m_sshGroup);
    m_sshAuth->setObjectName(QStringLiteral("sshAuthCombo"));
    m_sshAuth->addItem(tr("SSH agent, or the keys in ~/.ssh"), int(SshSettings::Auth::Auto));
    m_sshAuth->addItem(tr("Key file"), int(SshSettings::Auth::KeyFile));
    m_sshAuth->addItem(tr("Password"), int(SshSettings::Auth::Password));
    sshForm->addRow(tr("Sign-in &method:"), m_sshAuth);
    m_sshKeyFile = lineEdit(m_sshGroup, "sshKeyEdit", tr("e.g. ~/.ssh/id_ed25519"));
    auto *sshKeyRow = new QHBoxLayout;
    auto *sshKeyBrowse = new QPushButton(tr("Browse…"), m_sshGroup);
    sshKeyBrowse->setAccessibleName(tr("Choose the SSH key file"));
    connect(
        sshKeyBrowse, &QPushButton::clicked, this, [this] { browseFile(m_sshKeyFile, tr("Choose the SSH key file")); });
    sshKeyRow->addWidget(m_sshKeyFile, 1);
    sshKeyRow->addWidget(sshKeyBrowse);
    addBuddyRow(sshForm, tr("Key &file:"), m_sshKeyFile, sshKeyRow);
    m_sshSecret = lineEdit(m_sshGroup, "sshSecretEdit");
    m_sshSecret->setEchoMode(QLineEdit::Password);
    sshForm->addRow(tr("SSH password or p&assphrase:"), m_sshSecret);
    auto *sshNote = new QLabel(tr("Host, port and socket above are as seen from the SSH host. Its key is checked "
                                  "against ~/.ssh/known_hosts: a new one is shown and asked about, a changed one "
                                  "refused. The SSH secret is kept only in the system keychain."),
        m_sshGroup);
    sshNote->setObjectName(QStringLiteral("sshNote"));
    sshNote->setWordWrap(true);
    sshForm->addRow(sshNote);
    serverLayout->addWidget(m_sshGroup);
    serverLayout->addStretch(1);
    connect(m_sshAuth, &QComboBox::currentIndexChanged, this, [this] {
        onSshAuthChanged();
        if (!m_loading)
            setDirty(true);
    });
    connect(m_sshGroup, &QGroupBox::toggled, this, [this] {
        if (!m_loading)
            setDirty(true);
    });
    // The server page is taller than an 800×600 screen leaves: it scrolls rather than squeezing.
    auto *serverScroll = new QScrollArea(m_stack);
    serverScroll->setObjectName(QStringLiteral("serverScroll"));
    serverScroll->setWidgetResizable(true);
    serverScroll->setFrameShape(QFrame::NoFrame);
    serverScroll->setWidget(serverPage);
    m_stack->addWidget(serverScroll);
    rightLayout->addWidget(m_stack);

    m_message = new QLabel(right);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setMinimumHeight(48);
    m_message->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    rightLayout->addWidget(m_message);
    rightLayout->addStretch(1);

    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);

    auto *buttons = new QDialogButtonBox(this);
    m_testButton = buttons->addButton(tr("&Test connection"), QDialogButtonBox::ActionRole);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_saveButton = buttons->addButton(tr("&Save"), QDialogButtonBox::ApplyRole);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_connectButton = buttons->addButton(tr("C&onnect"), QDialogButtonBox::AcceptRole);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_connectButton->setDefault(true);
    buttons->addButton(QDialogButtonBox::Close);
    outer->addWidget(buttons);

    connect(newButton, &QPushButton::clicked, this, [this] {
        if (confirmDiscard())
            startNewProfile();
    });
    connect(m_deleteButton, &QPushButton::clicked, this, &ConnectionDialog::removeCurrent);
    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionDialog::onSelectionChanged);
    connect(m_driver, &QComboBox::currentIndexChanged, this, &ConnectionDialog::onDriverChanged);
    connect(browse, &QPushButton::clicked, this, &ConnectionDialog::browseSqlite);
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_saveButton, &QPushButton::clicked, this, &ConnectionDialog::save);
    connect(m_connectButton, &QPushButton::clicked, this, &ConnectionDialog::connectNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *e : { m_name, m_sqlitePath, m_host, m_port, m_database, m_user, m_socket, m_ca, m_cert, m_key,
             m_sshHost, m_sshPort, m_sshUser, m_sshKeyFile })
        connect(e, &QLineEdit::textEdited, this, [this] { setDirty(true); });
    for (QCheckBox *c : { m_requireTls, m_create })
        connect(c, &QCheckBox::toggled, this, [this] { setDirty(true); });
    onSshAuthChanged();
    resize(820, 600);
}

void ConnectionDialog::onSshAuthChanged()
{
    const auto auth = SshSettings::Auth(m_sshAuth->currentData().toInt());
    m_sshKeyFile->setEnabled(auth == SshSettings::Auth::KeyFile);
    m_sshSecret->setPlaceholderText(
        auth == SshSettings::Auth::Password ? tr("the SSH password") : tr("the key's passphrase, if it has one"));
}

std::optional<SshTunnel::Credentials> ConnectionDialog::sshCredentials(const ConnectionProfile &p) const
{
    if (!p.ssh.enabled())
        return std::nullopt;
    QString secret = m_sshSecret->text();
    if (secret.isEmpty() && !m_currentName.isEmpty() && m_keychainAvailable) {
        const SecretStore::Result stored = m_secrets.read(SecretStore::keyForSsh(m_currentName));
        if (stored.ok())
            secret = stored.secret;
    }
    SshTunnel::Credentials c;
    (p.ssh.auth == SshSettings::Auth::Password ? c.password : c.passphrase) = secret;
    return c;
}

void ConnectionDialog::refreshList(const QString &select)
{
    m_loading = true;
    m_list->clear();
    const QStringList names = m_profiles.names();
    for (const QString &n : names) {
        auto *item = new QListWidgetItem(n, m_list);
        if (const auto p = m_profiles.load(n)) {
            item->setToolTip(p->displayName());
            item->setIcon(style()->standardIcon(p->isServer() ? QStyle::SP_DriveNetIcon : QStyle::SP_DriveHDIcon));
        }
    }
    m_loading = false;
    if (!select.isEmpty()) {
        const auto found = m_list->findItems(select, Qt::MatchExactly);
        if (!found.isEmpty()) {
            m_loading = true;
            m_list->setCurrentItem(found.first());
            m_loading = false;
        }
    }
}

void ConnectionDialog::selectProfile(const QString &name)
{
    const auto found = m_list->findItems(name, Qt::MatchExactly);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.first());
}

void ConnectionDialog::startNewProfile()
{
    ConnectionProfile p;
    p.driver = DriverKind::MySql;
    p.host = QStringLiteral("127.0.0.1");
    m_currentName.clear();
    m_loading = true;
    m_list->clearSelection();
    m_list->setCurrentRow(-1);
    m_loading = false;
    loadIntoForm(p);
    m_name->setFocus();
    showMessage(tr("Fill in the new connection, test it, then save or connect."), false);
}

void ConnectionDialog::onSelectionChanged()
{
    if (m_loading)
        return;
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    if (!confirmDiscard()) {
        refreshList(m_currentName);
        return;
    }
    if (const auto p = m_profiles.load(item->text())) {
        m_currentName = p->name;
        loadIntoForm(*p);
        showMessage({}, false);
    }
}

void ConnectionDialog::loadIntoForm(const ConnectionProfile &p)
{
    m_loading = true;
    m_name->setText(p.name);
    m_driver->setCurrentIndex(m_driver->findData(int(p.driver)));
    m_sqlitePath->setText(p.sqlitePath);
    m_create->setChecked(false);
    m_host->setText(p.host);
    m_port->setText(p.port ? QString::number(p.port) : QString());
    m_database->setText(p.database);
    m_user->setText(p.user);
    m_socket->setText(p.unixSocket);
    m_password->clear();
    m_password->setPlaceholderText(
        m_currentName.isEmpty() ? QString() : tr("leave empty to use the password in the keychain"));
    m_requireTls->setChecked(p.tls.require);
    m_ca->setText(p.tls.caFile);
    m_cert->setText(p.tls.certFile);
    m_key->setText(p.tls.keyFile);
    m_sshGroup->setChecked(p.ssh.enabled());
    m_sshHost->setText(p.ssh.host);
    m_sshPort->setText(p.ssh.port ? QString::number(p.ssh.port) : QString());
    m_sshUser->setText(p.ssh.user);
    m_sshAuth->setCurrentIndex(std::max(0, m_sshAuth->findData(int(p.ssh.auth))));
    m_sshKeyFile->setText(p.ssh.keyFile);
    m_sshSecret->clear();
    onSshAuthChanged();
    m_loading = false;
    onDriverChanged();
    m_deleteButton->setEnabled(!m_currentName.isEmpty());
    setDirty(false);
}

void ConnectionDialog::onDriverChanged()
{
    const auto kind = DriverKind(m_driver->currentData().toInt());
    m_stack->setCurrentIndex(kind == DriverKind::Sqlite ? 0 : 1);
    m_port->setPlaceholderText(QString::number(ConnectionProfile::defaultPort(kind)));
    m_cert->setEnabled(kind == DriverKind::MySql);
    m_key->setEnabled(kind == DriverKind::MySql);
    if (!m_loading)
        setDirty(true);
}

std::optional<ConnectionProfile> ConnectionDialog::profileFromForm(QStringList *errors) const
{
    ConnectionProfile p;
    p.name = m_name->text().trimmed();
    p.driver = DriverKind(m_driver->currentData().toInt());
    if (p.driver == DriverKind::Sqlite) {
        p.sqlitePath = m_sqlitePath->text().trimmed();
        if (!p.sqlitePath.isEmpty())
            p.sqlitePath = QDir::cleanPath(QFileInfo(p.sqlitePath).absoluteFilePath());
    } else {
        p.host = m_host->text().trimmed();
        QString portError;
        const auto port = ConnectionProfile::parsePort(m_port->text(), &portError);
        if (!port)
            errors->append(portError);
        p.port = port.value_or(0);
        p.database = m_database->text().trimmed();
        p.user = m_user->text().trimmed();
        p.unixSocket = m_socket->text().trimmed();
        p.tls.require = m_requireTls->isChecked();
        p.tls.caFile = m_ca->text().trimmed();
        if (p.driver == DriverKind::MySql) {
            p.tls.certFile = m_cert->text().trimmed();
            p.tls.keyFile = m_key->text().trimmed();
        }
        if (m_sshGroup->isChecked()) {
            p.ssh.host = m_sshHost->text().trimmed();
            if (p.ssh.host.isEmpty())
                errors->append(tr("Enter the SSH host, or clear \"Connect through an SSH host\"."));
            QString sshPortError;
            const auto sshPort = ConnectionProfile::parsePort(m_sshPort->text(), &sshPortError);
            if (!sshPort)
                errors->append(sshPortError);
            p.ssh.port = sshPort.value_or(0);
            p.ssh.user = m_sshUser->text().trimmed();
            p.ssh.auth = SshSettings::Auth(m_sshAuth->currentData().toInt());
            if (p.ssh.auth == SshSettings::Auth::KeyFile)
                p.ssh.keyFile = m_sshKeyFile->text().trimmed();
        }
    }
    errors->append(p.validate(true));
    if (!errors->isEmpty())
        return std::nullopt;
    return p;
}

bool ConnectionDialog::save()
{
    QStringList errors;
    const auto p = profileFromForm(&errors);
    if (!p) {
        showMessage(errors.join(QLatin1Char('\n')), true);
        return false;
    }
    errors = m_profiles.save(*p, m_currentName);
    if (!errors.isEmpty()) {
        showMessage(errors.join(QLatin1Char('\n')), true);
        return false;
    }
    QString note = tr("Saved \"%1\".").arg(p->name);
    bool noteIsError = false;
    if (m_keychainAvailable && p->isServer()) {
        const QString oldKey = SecretStore::keyForProfile(m_currentName);
        const QString newKey = SecretStore::keyForProfile(p->name);
        if (!m_currentName.isEmpty() && m_currentName != p->name) {
            // Renamed: the stored password moves with the profile.
            const SecretStore::Result old = m_secrets.read(oldKey);
            if (old.ok())
                m_secrets.write(newKey, old.secret);
            m_secrets.remove(oldKey);
        }
        if (m_remember->isChecked() && !m_password->text().isEmpty()) {
            const SecretStore::Result r = m_secrets.write(newKey, m_password->text());
            if (r.ok()) {
                note += QLatin1Char(' ') + tr("The password is in the system keychain.");
            } else {
                note += QLatin1Char(' ')
                    + tr("The password could not be stored: %1 You will be asked for it when you connect.")
                          .arg(r.message);
                noteIsError = true;
            }
        } else if (!m_remember->isChecked()) {
            m_secrets.remove(newKey);
        }
        // The SSH password or passphrase: the keychain or nowhere, moved along with a rename.
        const QString oldSsh = SecretStore::keyForSsh(m_currentName);
        const QString newSsh = SecretStore::keyForSsh(p->name);
        if (!m_currentName.isEmpty() && m_currentName != p->name) {
            const SecretStore::Result old = m_secrets.read(oldSsh);
            if (old.ok())
                m_secrets.write(newSsh, old.secret);
            m_secrets.remove(oldSsh);
        }
        if (!p->ssh.enabled()) {
            m_secrets.remove(newSsh);
        } else if (!m_sshSecret->text().isEmpty()) {
            const SecretStore::Result r = m_secrets.write(newSsh, m_sshSecret->text());
            if (!r.ok()) {
                note += QLatin1Char(' ') + tr("The SSH password or passphrase could not be stored: %1").arg(r.message);
                noteIsError = true;
            }
        }
    }
    m_currentName = p->name;
    refreshList(p->name);
    m_deleteButton->setEnabled(true);
    setDirty(false);
    showMessage(note, noteIsError);
    return true;
}

void ConnectionDialog::removeCurrent()
{
    if (m_currentName.isEmpty())
        return;
    if (!m_prompter.confirm(this, tr("Delete connection"),
            tr("Delete the connection \"%1\" and its stored password? The database itself is not touched.")
                .arg(m_currentName),
            tr("Delete")))
        return;
    m_profiles.remove(m_currentName);
    if (m_keychainAvailable) {
        m_secrets.remove(SecretStore::keyForProfile(m_currentName));
        m_secrets.remove(SecretStore::keyForSsh(m_currentName));
    }
    const QString removed = m_currentName;
    m_currentName.clear();
    setDirty(false);
    refreshList({});
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        startNewProfile();
    showMessage(tr("Deleted \"%1\".").arg(removed), false);
}

void ConnectionDialog::testConnection()
{
    if (m_testing)
        return;
    QStringList errors;
    const auto p = profileFromForm(&errors);
    if (!p) {
        showMessage(errors.join(QLatin1Char('\n')), true);
        return;
    }
    QString password = m_password->text();
    if (p->isServer() && password.isEmpty() && !m_currentName.isEmpty() && m_keychainAvailable) {
        const SecretStore::Result stored = m_secrets.read(SecretStore::keyForProfile(m_currentName));
        if (stored.ok())
            password = stored.secret;
    }
    const bool create = m_create->isChecked();
    // A session of its own: the settings as edited, never one logged in before with others.
    Connector::Options options;
    options.ownSshSession = true;
    options.sshCredentials = sshCredentials(*p);
    if (p->ssh.enabled())
        options.hostKeyPrompter = std::make_shared<DialogHostKeyPrompter>(m_prompter, this);
    auto outcome = std::make_shared<TestOutcome>();
    m_testing = true;
    m_testButton->setEnabled(false);
    m_connectButton->setEnabled(false);
    showMessage(tr("Testing the connection to %1…").arg(p->displayName()), false);
    QThread *thread = QThread::create([profile = *p, password, create, outcome, options] {
        if (profile.driver == DriverKind::Sqlite && !QFileInfo::exists(profile.sqlitePath) && create) {
            outcome->fileWillBeCreated = true;
            return;
        }
        const QString name = Connector::uniqueName(QStringLiteral("dialog-test"));
        outcome->result = Connector::open(profile, password, name, options);
        if (outcome->result.ok())
            outcome->trongateTables = SchemaInspector(QSqlDatabase::database(name, false)).presentTrongateTables();
        Connector::close(name);
    });
    QPointer<ConnectionDialog> self(this);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [self, outcome, profile = *p] {
        if (!self)
            return;
        self->m_testing = false;
        self->m_testButton->setEnabled(true);
        self->m_connectButton->setEnabled(true);
        const ConnectResult &r = outcome->result;
        if (outcome->fileWillBeCreated) {
            self->showMessage(tr("The file does not exist yet; it will be created when you connect."), false);
        } else if (!r.ok()) {
            self->showMessage(r.message, true);
        } else {
            QString text = tr("Connected to %1.").arg(r.serverVersion.toHtmlEscaped());
            if (profile.isServer() && profile.ssh.enabled())
                text += QLatin1Char(' ')
                    + (r.tlsActive ? tr("The connection is encrypted (SSH, and TLS to the database).")
                                   : tr("The connection is encrypted by SSH as far as %1.").arg(profile.ssh.host));
            else if (profile.isServer())
                text += QLatin1Char(' ')
                    + (r.tlsActive ? tr("The connection is encrypted (TLS).") : tr("The connection is NOT encrypted."));
            const int n = int(outcome->trongateTables.size());
            if (n == 3)
                text += QLatin1Char(' ') + tr("All three Trongate tables are present.");
            else if (n == 0)
                text += QLatin1Char(' ')
                    + tr("This database has none of Trongate's tables: it is not a Trongate "
                         "database yet. You can install them after connecting.");
            else
                text += QLatin1Char(' ')
                    + tr("Only %1 of Trongate's three tables are present; you can install the "
                         "missing ones after connecting.")
                          .arg(n);
            self->showMessage(text, false);
        }
        emit self->testFinished(r);
    });
    thread->start();
}

void ConnectionDialog::connectNow()
{
    if (m_testing)
        return;
    if ((m_dirty || m_currentName.isEmpty()) && !save())
        return;
    QStringList errors;
    const auto p = profileFromForm(&errors);
    if (!p) {
        showMessage(errors.join(QLatin1Char('\n')), true);
        return;
    }
    m_chosen = *p;
    m_chosenSsh = sshCredentials(*p);
    m_chosenPassword = m_password->text().isEmpty() ? std::nullopt : std::optional<QString>(m_password->text());
    m_chosenRemember = m_remember->isEnabled() && m_remember->isChecked();
    m_chosenCreate = m_create->isChecked();
    accept();
}

void ConnectionDialog::done(int result)
{
    if (result == QDialog::Rejected && !confirmDiscard())
        return;
    QDialog::done(result);
}

void ConnectionDialog::showMessage(const QString &text, bool error)
{
    m_message->setProperty("error", error);
    if (text.isEmpty()) {
        m_message->clear();
        return;
    }
    m_message->setText(error ? QStringLiteral("⚠ ") + text : text);
    // A red that stays readable on light and dark palettes.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QPalette pal = palette();
    if (error)
        pal.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    m_message->setPalette(pal);
}

QString ConnectionDialog::message() const
{
    return m_message->text();
}

void ConnectionDialog::setDirty(bool dirty)
{
    if (m_loading)
        return;
    m_dirty = dirty;
    m_saveButton->setEnabled(dirty || m_currentName.isEmpty());
    setWindowTitle(dirty ? tr("Connections (unsaved changes)") : tr("Connections"));
}

bool ConnectionDialog::confirmDiscard()
{
    if (!m_dirty)
        return true;
    const bool discard = m_prompter.confirm(this, tr("Unsaved changes"),
        tr("The connection \"%1\" has unsaved changes. Discard them?")
            .arg(m_name->text().isEmpty() ? tr("(new)") : m_name->text()),
        tr("Discard"));
    if (discard)
        setDirty(false);
    return discard;
}

void ConnectionDialog::browseSqlite()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Choose an SQLite database"), m_sqlitePath->text(),
        tr("SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (file.isEmpty())
        return;
    m_sqlitePath->setText(file);
    if (m_name->text().isEmpty())
        m_name->setText(QFileInfo(file).completeBaseName());
    setDirty(true);
}

void ConnectionDialog::browseFile(QLineEdit *edit, const QString &title)
{
    const QString file
        = QFileDialog::getOpenFileName(this, title, edit->text(), tr("PEM files (*.pem *.crt *.key);;All files (*)"));
    if (file.isEmpty())
        return;
    edit->setText(file);
    setDirty(true);
}
