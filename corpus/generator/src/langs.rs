//! Per-language CV vocabulary: headings, labels, names, roles and phrases.
//! All people, companies and contact details are fictional.

/// A job role with localized title, degree, bullets and employers.
pub struct Role {
    /// Job title.
    pub title: &'static str,
    /// Matching university degree line.
    pub degree: &'static str,
    /// Achievement bullets.
    pub bullets: &'static [&'static str],
    /// Invented employers.
    pub employers: &'static [&'static str],
}

/// Role indices into [`Lang::roles`].
pub mod role {
    /// SOC analyst / incident responder (security).
    pub const SOC: usize = 0;
    /// Cloud security engineer (security).
    pub const CLOUD: usize = 1;
    /// ISO 27001 auditor / security officer (security).
    pub const AUDIT: usize = 2;
    /// System administrator (medium).
    pub const SYSADMIN: usize = 3;
    /// Accountant doing financial audits (weak).
    pub const ACCOUNTANT: usize = 4;
    /// Marketing manager (weak).
    pub const MARKETING: usize = 5;
    /// Building architect (weak).
    pub const ARCHITECT: usize = 6;
    /// Web developer (weak).
    pub const WEBDEV: usize = 7;
    /// Nurse (weak).
    pub const NURSE: usize = 8;
}

/// Date formatting styles seen in European CVs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DateStyle {
    /// `03/2018 – 06/2021`
    Slash,
    /// `03.2018 – 06.2021`
    Dot,
    /// `Jan 2015 - Dec 2019`
    MonthName,
    /// `2019-03 – 2021-08`
    Iso,
}

/// Everything language-specific needed to write a CV.
pub struct Lang {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// Section headings: personal, profile, experience, education,
    /// languages, skills, certifications.
    pub headings: [&'static str; 7],
    /// Labels: e-mail, phone, nationality, date of birth, address.
    pub labels: [&'static str; 5],
    /// Nationality value.
    pub nationality: &'static str,
    /// Given names.
    pub first: &'static [&'static str],
    /// Surnames.
    pub last: &'static [&'static str],
    /// Cities.
    pub cities: &'static [&'static str],
    /// Phone prefix.
    pub phone: &'static str,
    /// Month names (for `MonthName` and "since" dates).
    pub months: [&'static str; 12],
    /// Date style for ranges.
    pub style: DateStyle,
    /// Word for "present" (used as range end) — empty when `since` is used.
    pub present: &'static str,
    /// Prefix for an open range ("seit", "από"), empty when unused.
    pub since: &'static str,
    /// Names of en, fr, de, pl, el, es, it, nl, pt in this language.
    pub lang_names: [&'static str; 9],
    /// Word for native speaker.
    pub native: &'static str,
    /// Profile summaries: strong, medium, weak; `{Y}` = years, `{R}` = role.
    pub profiles: [&'static str; 3],
    /// EU SECRET clearance line.
    pub clearance: &'static str,
    /// The nine roles, indexed by [`role`].
    pub roles: [Role; 9],
}

const EMP_EN: &[&str] = &[
    "Northbridge Digital Ltd, Dublin",
    "Harbourline Financial Services, Cork",
];

/// All supported languages.
pub static LANGS: [Lang; 9] = [
    Lang {
        code: "en",
        headings: ["Personal information", "Profile", "Work experience", "Education and training", "Language skills", "Skills", "Certifications"],
        labels: ["Email:", "Phone:", "Nationality:", "Date of birth:", "Address:"],
        nationality: "Irish",
        first: &["Aoife", "Ciara", "Niamh", "Declan", "Conor", "Siobhan", "Eoin", "Orla"],
        last: &["Brennan", "Gallagher", "Whelan", "Doherty", "Kavanagh", "Moran", "Quigley"],
        cities: &["Dublin", "Cork", "Galway", "Limerick"],
        phone: "+353 87",
        months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        style: DateStyle::MonthName,
        present: "Present",
        since: "",
        lang_names: ["English", "French", "German", "Polish", "Greek", "Spanish", "Italian", "Dutch", "Portuguese"],
        native: "native",
        profiles: [
            "Cybersecurity professional with {Y} years of hands-on experience in security operations, incident response and cloud security on Azure and AWS. Experienced in delivering awareness trainings and presenting to senior management.",
            "IT professional with {Y} years of experience in system administration and networking, moving into cybersecurity with first experience in a security operations centre.",
            "{R} with {Y} years of experience, reliable, customer oriented and used to working in international teams.",
        ],
        clearance: "Security clearance: EU SECRET (valid until 2029)",
        roles: [
            Role { title: "Senior SOC Analyst", degree: "MSc in Cybersecurity, University College Dublin", bullets: &["Triaged and investigated alerts in Microsoft Sentinel and Splunk for a 24/7 security operations centre", "Led incident response for ransomware and phishing incidents, including forensics on Windows and Linux hosts", "Wrote detection rules mapped to MITRE ATT&CK and playbooks for the incident handling team"], employers: &["Emerald Cyber Defence Ltd, Dublin", "Celtic Shield Security, Galway"] },
            Role { title: "Cloud Security Engineer", degree: "BSc in Computer Science, Trinity College Dublin", bullets: &["Designed the security architecture of Azure and AWS landing zones aligned with business requirements", "Hardened Windows Server and Linux workloads using CIS Benchmarks and automated compliance checks", "Implemented security risk controls for identity, network segmentation and key management"], employers: &["Atlantic Cloud Services, Dublin", "Liffey Data Systems, Dublin"] },
            Role { title: "Information Security Officer", degree: "MSc in Information Security Management, Dublin City University", bullets: &["Conducted ISO 27001 internal audits and IT security audits of 14 business units", "Created cybersecurity awareness material and delivered presentations and trainings to more than 900 staff", "Coordinated baseline security guidelines and cyber hygiene policies with IT operations"], employers: &["Irish Revenue Data Centre, Dublin", "Shannon Medical Devices plc, Limerick"] },
            Role { title: "System Administrator", degree: "BSc in Information Technology, Munster Technological University", bullets: &["Administered Windows Server, Active Directory and Linux servers for 600 users", "Managed firewalls, VLANs and VPN access, patching and backup procedures"], employers: EMP_EN },
            Role { title: "Accountant", degree: "BA in Accounting and Finance, University of Limerick", bullets: &["Prepared monthly financial statements and coordinated external financial audits", "Performed internal audits of expense claims and supplier payments"], employers: &["Byrne & Walsh Chartered Accountants, Cork", "Greenfield Dairy Co-operative, Cork"] },
            Role { title: "Marketing Manager", degree: "BA in Marketing, Dublin Institute of Technology", bullets: &["Ran brand awareness campaigns on social media with a budget of 400k EUR", "Presented campaign results to the board and trained junior marketers"], employers: &["Shamrock Beverages Ltd, Dublin", "Brightwave Media, Dublin"] },
            Role { title: "Architect", degree: "Bachelor of Architecture, University College Cork", bullets: &["Designed residential and office buildings from concept to planning permission", "Coordinated structural engineers and site supervision on construction projects"], employers: &["O'Connell Architects, Cork", "Kestrel Design Studio, Galway"] },
            Role { title: "Web Developer", degree: "BSc in Software Development, Atlantic Technological University", bullets: &["Built React and Node.js web applications deployed on AWS Lambda and S3", "Maintained the company website and improved page speed and SEO"], employers: &["Pixelforge Studio, Galway", "Clover Commerce Ltd, Dublin"] },
            Role { title: "Staff Nurse", degree: "BSc in General Nursing, University of Galway", bullets: &["Provided patient care on a busy surgical ward with 32 beds", "Trained new nurses on hygiene protocols and medication safety"], employers: &["St. Brigid's University Hospital, Galway", "Mercy Hospital, Cork"] },
        ],
    },
    Lang {
        code: "fr",
        headings: ["Informations personnelles", "Profil", "Expérience professionnelle", "Éducation et formation", "Compétences linguistiques", "Compétences", "Certifications"],
        labels: ["Courriel :", "Téléphone :", "Nationalité :", "Date de naissance :", "Adresse :"],
        nationality: "française",
        first: &["Camille", "Élodie", "Théo", "Mathéo", "Clémence", "Benoît", "Hélène", "Grégoire"],
        last: &["Lefèvre", "Moreau", "Girard", "Rousseau", "Fournier", "Mercier", "Chevalier"],
        cities: &["Lyon", "Bordeaux", "Toulouse", "Lille", "Nantes"],
        phone: "+33 6",
        months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        style: DateStyle::MonthName,
        present: "aujourd'hui",
        since: "",
        lang_names: ["anglais", "français", "allemand", "polonais", "grec", "espagnol", "italien", "néerlandais", "portugais"],
        native: "langue maternelle",
        profiles: [
            "Expert en cybersécurité avec {Y} ans d'expérience en centre opérationnel de sécurité, réponse aux incidents et sécurité du cloud Azure et AWS. Habitué à animer des formations de sensibilisation et des présentations.",
            "Administrateur systèmes et réseaux avec {Y} ans d'expérience, en reconversion vers la cybersécurité avec une première expérience en SOC.",
            "{R} avec {Y} ans d'expérience, rigoureux, autonome et doté d'un excellent relationnel.",
        ],
        clearance: "Habilitation de sécurité : EU SECRET (valable jusqu'en 2028)",
        roles: [
            Role { title: "Analyste SOC senior", degree: "Master Cybersécurité, Université Grenoble Alpes", bullets: &["Analyse et qualification des alertes Splunk et Microsoft Sentinel dans un SOC 24/7", "Pilotage de la réponse aux incidents (rançongiciels, hameçonnage) et investigations sur postes Windows et Linux", "Rédaction de règles de détection alignées sur MITRE ATT&CK"], employers: &["Sécurité Numérique Rhône SAS, Lyon", "Vigie Cyber SA, Toulouse"] },
            Role { title: "Ingénieur sécurité cloud", degree: "Diplôme d'ingénieur en informatique, INSA Lyon", bullets: &["Conception de l'architecture de sécurité des environnements Azure et AWS", "Durcissement des serveurs Windows et Linux selon les guides de l'ANSSI et CIS", "Mise en œuvre de mesures de maîtrise des risques et de segmentation réseau"], employers: &["Nuage Confiance SAS, Paris", "Atlantique Informatique, Nantes"] },
            Role { title: "Responsable de la sécurité des systèmes d'information", degree: "Master Management de la sécurité des SI, Université de Lille", bullets: &["Réalisation d'audits ISO 27001 et d'audits de sécurité informatique", "Création de supports de sensibilisation à la cybersécurité et formations pour 700 agents", "Rédaction de politiques d'hygiène informatique"], employers: &["Centre Hospitalier Régional, Lille", "Mutuelle Générale du Sud-Ouest, Bordeaux"] },
            Role { title: "Administrateur systèmes et réseaux", degree: "Licence professionnelle Réseaux et télécommunications, IUT de Nantes", bullets: &["Administration de serveurs Windows, Active Directory et Linux", "Gestion des pare-feu, VLAN, VPN et sauvegardes"], employers: &["Groupe Loire Logistique, Nantes", "Mairie de Villeurbanne"] },
            Role { title: "Comptable", degree: "Licence Comptabilité Contrôle Audit, Université de Bordeaux", bullets: &["Établissement des états financiers et préparation des audits financiers", "Contrôle interne des notes de frais et des paiements fournisseurs"], employers: &["Cabinet Dupré & Associés, Bordeaux", "Vins de Gironde SA, Libourne"] },
            Role { title: "Responsable marketing", degree: "Master Marketing, Sciences Po Lille", bullets: &["Pilotage de campagnes de notoriété de la marque (brand awareness) sur les réseaux sociaux", "Présentation des résultats à la direction générale"], employers: &["Maison Bérard Cosmétiques, Paris", "Agence Étincelle, Lyon"] },
            Role { title: "Architecte DPLG", degree: "Diplôme d'État d'architecte, ENSA Toulouse", bullets: &["Conception de logements collectifs et de bâtiments tertiaires", "Suivi de chantier et coordination des bureaux d'études"], employers: &["Atelier Garonne Architectes, Toulouse", "Studio Béton Clair, Bordeaux"] },
            Role { title: "Développeur web", degree: "Licence Informatique, Université de Nantes", bullets: &["Développement d'applications React et Node.js hébergées sur AWS", "Maintenance du site e-commerce et optimisation du référencement"], employers: &["Pixel Océan, Nantes", "Boutique Verte SARL, Rennes"] },
            Role { title: "Infirmière diplômée d'État", degree: "Diplôme d'État d'infirmier, IFSI de Lyon", bullets: &["Soins aux patients en service de chirurgie de 30 lits", "Formation des nouveaux arrivants aux protocoles d'hygiène"], employers: &["Hôpital Édouard Herriot, Lyon", "Clinique du Parc, Lyon"] },
        ],
    },
    Lang {
        code: "de",
        headings: ["Persönliche Daten", "Profil", "Berufserfahrung", "Ausbildung", "Sprachkenntnisse", "Kenntnisse", "Zertifizierungen"],
        labels: ["E-Mail:", "Telefon:", "Staatsangehörigkeit:", "Geburtsdatum:", "Anschrift:"],
        nationality: "deutsch",
        first: &["Jürgen", "Anja", "Lukas", "Sören", "Käthe", "Maximilian", "Björn", "Franziska"],
        last: &["Müller", "Schäfer", "Weißmann", "Köhler", "Brückner", "Hoffmann", "Groß"],
        cities: &["München", "Köln", "Düsseldorf", "Nürnberg", "Bonn"],
        phone: "+49 151",
        months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        style: DateStyle::Slash,
        present: "",
        since: "seit",
        lang_names: ["Englisch", "Französisch", "Deutsch", "Polnisch", "Griechisch", "Spanisch", "Italienisch", "Niederländisch", "Portugiesisch"],
        native: "Muttersprache",
        profiles: [
            "IT-Sicherheitsexperte mit {Y} Jahren Erfahrung in Security Operations, Incident Response und Cloud-Sicherheit (Azure, AWS). Erfahren in der Durchführung von Awareness-Schulungen und Präsentationen.",
            "Systemadministrator mit {Y} Jahren Berufserfahrung in Windows- und Linux-Umgebungen sowie Netzwerken, erste Erfahrungen im Security Operations Center.",
            "{R} mit {Y} Jahren Berufserfahrung, zuverlässig, teamfähig und kundenorientiert.",
        ],
        clearance: "Sicherheitsüberprüfung: EU SECRET (gültig bis 2028)",
        roles: [
            Role { title: "Senior SOC-Analyst", degree: "Master of Science IT-Sicherheit, Ruhr-Universität Bochum", bullets: &["Analyse von Sicherheitsvorfällen mit Splunk und Microsoft Sentinel im 24/7-Betrieb", "Leitung der Incident Response bei Ransomware- und Phishing-Angriffen inklusive Forensik", "Entwicklung von Erkennungsregeln nach MITRE ATT&CK"], employers: &["Sicherheitswerk GmbH, München", "Rheinland Cyberabwehr AG, Köln"] },
            Role { title: "Cloud Security Engineer", degree: "Diplom-Informatiker, Technische Universität München", bullets: &["Entwurf einer Sicherheitsarchitektur für Azure und AWS entsprechend den Geschäftsanforderungen", "Härtung von Windows- und Linux-Servern nach BSI IT-Grundschutz und CIS", "Umsetzung von Maßnahmen zur Risikominderung"], employers: &["Wolkenfest IT-Services GmbH, Düsseldorf", "Frankenland Rechenzentrum AG, Nürnberg"] },
            Role { title: "Informationssicherheitsbeauftragter", degree: "Master Informationssicherheit, Hochschule Bonn-Rhein-Sieg", bullets: &["Durchführung von ISO 27001-Audits und IT-Sicherheitsaudits", "Erstellung von Awareness-Material und Schulungen für über 1.000 Mitarbeitende", "Koordination von Richtlinien zur Cyberhygiene"], employers: &["Stadtwerke Bonn GmbH", "Bayerische Versicherungskammer, München"] },
            Role { title: "Systemadministrator", degree: "Bachelor of Science Wirtschaftsinformatik, Hochschule Köln", bullets: &["Betrieb von Windows Server, Active Directory und Linux-Systemen", "Verwaltung von Firewalls, VLANs und VPN-Zugängen"], employers: &["Autohaus Brückner GmbH, Köln", "Kreisverwaltung Rhein-Sieg"] },
            Role { title: "Bilanzbuchhalter", degree: "Bachelor of Arts Betriebswirtschaftslehre, Universität zu Köln", bullets: &["Erstellung von Monats- und Jahresabschlüssen, Begleitung der Wirtschaftsprüfung", "Prüfung von Reisekostenabrechnungen und Lieferantenzahlungen"], employers: &["Steuerkanzlei Groß & Partner, Nürnberg", "Bäckerei Köhler GmbH, Fürth"] },
            Role { title: "Marketingleiterin", degree: "Master Marketing, Universität Mannheim", bullets: &["Verantwortung für Kampagnen zur Steigerung der Markenbekanntheit (brand awareness)", "Präsentation der Ergebnisse vor der Geschäftsführung"], employers: &["Alpenmilch Markenwelt GmbH, München", "Agentur Lichtblick, Düsseldorf"] },
            Role { title: "Architekt", degree: "Diplom-Ingenieur Architektur, RWTH Aachen", bullets: &["Entwurf und Ausführungsplanung von Wohn- und Bürogebäuden", "Bauleitung und Koordination der Fachplaner"], employers: &["Architekturbüro Schäfer, Köln", "Hoffmann Planungsgesellschaft, Bonn"] },
            Role { title: "Webentwickler", degree: "Bachelor of Science Medieninformatik, Hochschule Düsseldorf", bullets: &["Entwicklung von Webanwendungen mit React und Node.js auf AWS", "Pflege des Onlineshops und Suchmaschinenoptimierung"], employers: &["Pixelwerk GmbH, Düsseldorf", "Weinhandel Müller, Mainz"] },
            Role { title: "Gesundheits- und Krankenpflegerin", degree: "Staatliche Prüfung Gesundheits- und Krankenpflege, Uniklinik Köln", bullets: &["Pflege von Patientinnen und Patienten auf einer chirurgischen Station", "Einarbeitung neuer Kolleginnen in Hygienestandards"], employers: &["Universitätsklinikum Köln", "St. Marien-Hospital, Bonn"] },
        ],
    },
    Lang {
        code: "pl",
        headings: ["Dane osobowe", "Profil zawodowy", "Doświadczenie zawodowe", "Wykształcenie", "Znajomość języków", "Umiejętności", "Certyfikaty"],
        labels: ["E-mail:", "Telefon:", "Obywatelstwo:", "Data urodzenia:", "Adres:"],
        nationality: "polskie",
        first: &["Małgorzata", "Łukasz", "Józef", "Żaneta", "Grzegorz", "Agnieszka", "Paweł", "Zofia"],
        last: &["Wiśniewska", "Łęczycki", "Zając", "Grabowski", "Król", "Woźniak", "Ślęzak"],
        cities: &["Warszawa", "Kraków", "Łódź", "Wrocław", "Gdańsk", "Poznań"],
        phone: "+48 601",
        months: ["styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień"],
        style: DateStyle::Dot,
        present: "obecnie",
        since: "",
        lang_names: ["angielski", "francuski", "niemiecki", "polski", "grecki", "hiszpański", "włoski", "niderlandzki", "portugalski"],
        native: "ojczysty",
        profiles: [
            "Specjalista ds. cyberbezpieczeństwa z {Y}-letnim doświadczeniem w SOC, reagowaniu na incydenty oraz bezpieczeństwie chmury Azure i AWS. Prowadzę szkolenia z zakresu świadomości bezpieczeństwa i prezentacje dla zarządu.",
            "Administrator systemów z {Y}-letnim doświadczeniem w środowiskach Windows i Linux oraz sieciach, rozwijający się w kierunku cyberbezpieczeństwa.",
            "{R} z {Y}-letnim doświadczeniem, sumienny, komunikatywny i nastawiony na współpracę.",
        ],
        clearance: "Poświadczenie bezpieczeństwa: EU SECRET (ważne do 2029 r.)",
        roles: [
            Role { title: "Starszy analityk SOC", degree: "Magister inżynier, Cyberbezpieczeństwo, Politechnika Warszawska", bullets: &["Analiza i obsługa incydentów bezpieczeństwa w SOC 24/7 z użyciem Splunk i Microsoft Sentinel", "Koordynacja reagowania na incydenty ransomware i phishing, analiza śledcza stacji Windows i Linux", "Tworzenie reguł detekcji zgodnych z MITRE ATT&CK"], employers: &["CyberTarcza Sp. z o.o., Warszawa", "Bałtycki Operator Bezpieczeństwa S.A., Gdańsk"] },
            Role { title: "Inżynier bezpieczeństwa chmury", degree: "Inżynier informatyki, Akademia Górniczo-Hutnicza w Krakowie", bullets: &["Projektowanie architektury bezpieczeństwa środowisk Azure i AWS zgodnej z wymaganiami biznesowymi", "Utwardzanie serwerów Windows i Linux według CIS Benchmarks", "Wdrażanie kontroli ryzyka i segmentacji sieci"], employers: &["Chmura Polska S.A., Kraków", "Łódzkie Centrum Danych Sp. z o.o."] },
            Role { title: "Pełnomocnik ds. bezpieczeństwa informacji", degree: "Magister, Zarządzanie bezpieczeństwem informacji, Uniwersytet Wrocławski", bullets: &["Przeprowadzanie audytów ISO 27001 i audytów bezpieczeństwa IT", "Przygotowanie materiałów i szkoleń z cyberhigieny dla ponad 800 pracowników", "Opracowanie polityk bezpieczeństwa i wytycznych dla działu IT"], employers: &["Urząd Marszałkowski Województwa Dolnośląskiego, Wrocław", "Wielkopolski Bank Spółdzielczy, Poznań"] },
            Role { title: "Administrator systemów", degree: "Inżynier, Teleinformatyka, Politechnika Łódzka", bullets: &["Administracja serwerami Windows, Active Directory i Linux", "Zarządzanie zaporami sieciowymi, VLAN i dostępem VPN"], employers: &["Zakłady Mięsne Żuraw S.A., Łódź", "Szpital Miejski w Gdańsku"] },
            Role { title: "Główna księgowa", degree: "Licencjat, Finanse i rachunkowość, Uniwersytet Ekonomiczny w Poznaniu", bullets: &["Sporządzanie sprawozdań finansowych i obsługa audytów finansowych", "Kontrola wewnętrzna rozliczeń delegacji i płatności"], employers: &["Biuro Rachunkowe Ślęzak, Poznań", "Mleczarnia Łąkowa Sp. z o.o."] },
            Role { title: "Kierownik ds. marketingu", degree: "Magister, Marketing i zarządzanie, SGH w Warszawie", bullets: &["Kampanie budujące świadomość marki (brand awareness) w mediach społecznościowych", "Prezentowanie wyników kampanii zarządowi"], employers: &["Słodycze Wawel-Mazowsze S.A., Warszawa", "Agencja Źródło, Kraków"] },
            Role { title: "Architekt", degree: "Magister inżynier architekt, Politechnika Gdańska", bullets: &["Projektowanie budynków mieszkalnych i biurowych", "Nadzór autorski na budowie i koordynacja branż"], employers: &["Pracownia Architektoniczna Król, Gdańsk", "Studio Żuraw, Sopot"] },
            Role { title: "Programista aplikacji webowych", degree: "Licencjat, Informatyka, Uniwersytet Łódzki", bullets: &["Tworzenie aplikacji React i Node.js uruchamianych w AWS", "Utrzymanie sklepu internetowego i optymalizacja SEO"], employers: &["Piksel Sp. z o.o., Łódź", "Sklep Zielony Kącik, Kraków"] },
            Role { title: "Pielęgniarka", degree: "Licencjat pielęgniarstwa, Uniwersytet Medyczny w Łodzi", bullets: &["Opieka nad pacjentami na oddziale chirurgicznym", "Szkolenie nowych pielęgniarek z zasad higieny"], employers: &["Szpital Wojewódzki im. M. Kopernika, Łódź", "Centrum Medyczne Źródło, Kraków"] },
        ],
    },
    Lang {
        code: "el",
        headings: ["Προσωπικά στοιχεία", "Προφίλ", "Επαγγελματική εμπειρία", "Εκπαίδευση", "Γλωσσικές δεξιότητες", "Δεξιότητες", "Πιστοποιήσεις"],
        labels: ["Ηλεκτρονικό ταχυδρομείο:", "Τηλέφωνο:", "Υπηκοότητα:", "Ημερομηνία γέννησης:", "Διεύθυνση:"],
        nationality: "ελληνική",
        first: &["Γιώργος", "Ελένη", "Δημήτρης", "Κατερίνα", "Νίκος", "Σοφία", "Παναγιώτης", "Μαρία"],
        last: &["Παπαδόπουλος", "Οικονόμου", "Γεωργίου", "Καραγιάννη", "Αντωνίου", "Βλάχου"],
        cities: &["Αθήνα", "Θεσσαλονίκη", "Πάτρα", "Ηράκλειο"],
        phone: "+30 69",
        months: ["Ιανουάριος", "Φεβρουάριος", "Μάρτιος", "Απρίλιος", "Μάιος", "Ιούνιος", "Ιούλιος", "Αύγουστος", "Σεπτέμβριος", "Οκτώβριος", "Νοέμβριος", "Δεκέμβριος"],
        style: DateStyle::Slash,
        present: "",
        since: "από",
        lang_names: ["Αγγλικά", "Γαλλικά", "Γερμανικά", "Πολωνικά", "Ελληνικά", "Ισπανικά", "Ιταλικά", "Ολλανδικά", "Πορτογαλικά"],
        native: "μητρική",
        profiles: [
            "Επαγγελματίας κυβερνοασφάλειας με {Y} χρόνια εμπειρίας σε SOC, απόκριση σε περιστατικά και ασφάλεια νέφους Azure και AWS. Έμπειρος στη διοργάνωση εκπαιδεύσεων ευαισθητοποίησης και παρουσιάσεων.",
            "Διαχειριστής συστημάτων με {Y} χρόνια εμπειρίας σε Windows, Linux και δίκτυα, με πρώτη εμπειρία στην κυβερνοασφάλεια.",
            "{R} με {Y} χρόνια εμπειρίας, υπεύθυνος, οργανωτικός και ομαδικός.",
        ],
        clearance: "Διαβάθμιση ασφαλείας: EU SECRET (ισχύει έως το 2028)",
        roles: [
            Role { title: "Ανώτερος αναλυτής SOC", degree: "Μεταπτυχιακό στην Κυβερνοασφάλεια, Πανεπιστήμιο Πειραιώς", bullets: &["Ανάλυση ειδοποιήσεων και περιστατικών ασφαλείας με Splunk και Microsoft Sentinel σε SOC 24/7", "Συντονισμός απόκρισης σε περιστατικά ransomware και phishing, ψηφιακή εγκληματολογία σε Windows και Linux", "Σύνταξη κανόνων ανίχνευσης σύμφωνα με το MITRE ATT&CK"], employers: &["Αιγίς Κυβερνοάμυνα Α.Ε., Αθήνα", "Ερμής Ψηφιακή Ασφάλεια Ε.Π.Ε., Θεσσαλονίκη"] },
            Role { title: "Μηχανικός ασφάλειας νέφους", degree: "Δίπλωμα Ηλεκτρολόγου Μηχανικού και Μηχανικού Υπολογιστών, ΕΜΠ", bullets: &["Σχεδιασμός αρχιτεκτονικής ασφάλειας για Azure και AWS σύμφωνα με τις επιχειρησιακές απαιτήσεις", "Θωράκιση διακομιστών Windows και Linux βάσει CIS Benchmarks", "Εφαρμογή μέτρων μετριασμού κινδύνων"], employers: &["Νεφέλη Cloud Υπηρεσίες Α.Ε., Αθήνα", "Ολυμπος Πληροφορική Α.Ε., Πάτρα"] },
            Role { title: "Υπεύθυνος ασφάλειας πληροφοριών", degree: "Πτυχίο Πληροφορικής, Αριστοτέλειο Πανεπιστήμιο Θεσσαλονίκης", bullets: &["Διενέργεια ελέγχων ISO 27001 και ελέγχων ασφάλειας πληροφοριακών συστημάτων", "Δημιουργία υλικού ευαισθητοποίησης και εκπαιδεύσεις για 600 υπαλλήλους", "Σύνταξη οδηγιών κυβερνοϋγιεινής"], employers: &["Περιφέρεια Κεντρικής Μακεδονίας, Θεσσαλονίκη", "Τράπεζα Αιγαίου Α.Ε., Αθήνα"] },
            Role { title: "Διαχειριστής συστημάτων", degree: "Πτυχίο Μηχανικών Πληροφορικής, Πανεπιστήμιο Πατρών", bullets: &["Διαχείριση διακομιστών Windows, Active Directory και Linux", "Διαχείριση τειχών προστασίας, VLAN και πρόσβασης VPN"], employers: &["Δήμος Ηρακλείου", "Κρητική Εφοδιαστική Α.Ε., Ηράκλειο"] },
            Role { title: "Λογίστρια", degree: "Πτυχίο Λογιστικής και Χρηματοοικονομικής, Οικονομικό Πανεπιστήμιο Αθηνών", bullets: &["Σύνταξη οικονομικών καταστάσεων και υποστήριξη οικονομικών ελέγχων", "Εσωτερικός έλεγχος εξόδων και πληρωμών προμηθευτών"], employers: &["Λογιστικό Γραφείο Βλάχου, Πάτρα", "Ελαιουργία Μεσσηνίας Α.Ε."] },
            Role { title: "Διευθύντρια μάρκετινγκ", degree: "Μεταπτυχιακό στο Μάρκετινγκ, ΟΠΑ", bullets: &["Καμπάνιες αναγνωρισιμότητας μάρκας (brand awareness) στα μέσα κοινωνικής δικτύωσης", "Παρουσίαση αποτελεσμάτων στη διοίκηση"], employers: &["Ηλιος Καλλυντικά Α.Ε., Αθήνα", "Διαφημιστική Ιριδα, Θεσσαλονίκη"] },
            Role { title: "Αρχιτέκτων μηχανικός", degree: "Δίπλωμα Αρχιτέκτονα Μηχανικού, Πολυτεχνείο Κρήτης", bullets: &["Σχεδιασμός κατοικιών και κτιρίων γραφείων", "Επίβλεψη εργοταξίων και συντονισμός μελετητών"], employers: &["Αρχιτεκτονικό Γραφείο Οικονόμου, Χανιά", "Κέλυφος Μελετητική, Αθήνα"] },
            Role { title: "Προγραμματιστής ιστού", degree: "Πτυχίο Πληροφορικής, Ιόνιο Πανεπιστήμιο", bullets: &["Ανάπτυξη εφαρμογών React και Node.js στο AWS", "Συντήρηση ηλεκτρονικού καταστήματος και βελτιστοποίηση SEO"], employers: &["Ψηφίδα Web Ε.Π.Ε., Κέρκυρα", "Ελληνικά Βότανα Online, Αθήνα"] },
            Role { title: "Νοσηλεύτρια", degree: "Πτυχίο Νοσηλευτικής, Πανεπιστήμιο Δυτικής Αττικής", bullets: &["Φροντίδα ασθενών σε χειρουργική κλινική", "Εκπαίδευση νέων νοσηλευτών σε πρωτόκολλα υγιεινής"], employers: &["Γενικό Νοσοκομείο Ευαγγελισμός, Αθήνα", "Νοσοκομείο Παπανικολάου, Θεσσαλονίκη"] },
        ],
    },
    Lang {
        code: "es",
        headings: ["Información personal", "Perfil", "Experiencia laboral", "Educación y formación", "Competencias lingüísticas", "Competencias", "Certificaciones"],
        labels: ["Correo electrónico:", "Teléfono:", "Nacionalidad:", "Fecha de nacimiento:", "Dirección:"],
        nationality: "española",
        first: &["Begoña", "Íñigo", "Lucía", "Álvaro", "María José", "Sergio", "Nuria", "Jesús"],
        last: &["García Muñoz", "Fernández", "Ibáñez", "Martínez Peña", "Sánchez", "Rodríguez"],
        cities: &["Madrid", "Valencia", "Sevilla", "Bilbao", "Zaragoza"],
        phone: "+34 612",
        months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        style: DateStyle::Slash,
        present: "actualidad",
        since: "",
        lang_names: ["inglés", "francés", "alemán", "polaco", "griego", "español", "italiano", "neerlandés", "portugués"],
        native: "lengua materna",
        profiles: [
            "Profesional de ciberseguridad con {Y} años de experiencia en centros de operaciones de seguridad, respuesta a incidentes y seguridad en la nube Azure y AWS. Experiencia impartiendo formaciones de concienciación y presentaciones.",
            "Administrador de sistemas con {Y} años de experiencia en Windows, Linux y redes, orientado hacia la ciberseguridad.",
            "{R} con {Y} años de experiencia, organizado, proactivo y con gran capacidad de trabajo en equipo.",
        ],
        clearance: "Habilitación de seguridad: EU SECRET (válida hasta 2028)",
        roles: [
            Role { title: "Analista SOC sénior", degree: "Máster en Ciberseguridad, Universidad Carlos III de Madrid", bullets: &["Análisis de alertas e incidentes con Splunk y Microsoft Sentinel en un SOC 24/7", "Coordinación de la respuesta a incidentes de ransomware y phishing con análisis forense en Windows y Linux", "Desarrollo de reglas de detección basadas en MITRE ATT&CK"], employers: &["Escudo Digital S.L., Madrid", "Ciberdefensa Levante S.A., Valencia"] },
            Role { title: "Ingeniero de seguridad cloud", degree: "Grado en Ingeniería Informática, Universidad Politécnica de Valencia", bullets: &["Diseño de la arquitectura de seguridad en Azure y AWS alineada con los requisitos de negocio", "Bastionado de servidores Windows y Linux según CIS Benchmarks", "Implantación de controles de riesgo y segmentación de red"], employers: &["Nube Ibérica S.A., Madrid", "Datos del Norte S.L., Bilbao"] },
            Role { title: "Responsable de seguridad de la información", degree: "Máster en Seguridad de la Información, Universidad de Sevilla", bullets: &["Realización de auditorías ISO 27001 y auditorías de seguridad TI", "Elaboración de materiales de concienciación y formaciones para 500 empleados", "Redacción de guías de ciberhigiene"], employers: &["Ayuntamiento de Sevilla", "Banco Mediterráneo de Ahorro, Valencia"] },
            Role { title: "Administrador de sistemas", degree: "Grado en Ingeniería de Telecomunicación, Universidad de Zaragoza", bullets: &["Administración de servidores Windows, Active Directory y Linux", "Gestión de cortafuegos, VLAN y accesos VPN"], employers: &["Logística Ebro S.A., Zaragoza", "Hospital Clínico de Zaragoza"] },
            Role { title: "Contable", degree: "Grado en Administración y Dirección de Empresas, Universidad de Valencia", bullets: &["Elaboración de estados financieros y apoyo en auditorías financieras", "Control interno de gastos y pagos a proveedores"], employers: &["Asesoría Ibáñez y Asociados, Valencia", "Naranjas del Turia S.L."] },
            Role { title: "Directora de marketing", degree: "Máster en Marketing Digital, ESIC Madrid", bullets: &["Campañas de notoriedad de marca (brand awareness) en redes sociales", "Presentación de resultados al comité de dirección"], employers: &["Cosmética Alhambra S.A., Granada", "Agencia Faro, Madrid"] },
            Role { title: "Arquitecta", degree: "Grado en Arquitectura, Universidad de Navarra", bullets: &["Diseño de viviendas y edificios de oficinas", "Dirección de obra y coordinación de ingenierías"], employers: &["Estudio Peña Arquitectos, Bilbao", "Taller Norte, Pamplona"] },
            Role { title: "Desarrollador web", degree: "Grado en Ingeniería del Software, Universidad de Málaga", bullets: &["Desarrollo de aplicaciones React y Node.js desplegadas en AWS", "Mantenimiento de la tienda en línea y mejora del SEO"], employers: &["Píxel Sur S.L., Málaga", "Aceites Jaén Online"] },
            Role { title: "Enfermera", degree: "Grado en Enfermería, Universidad Complutense de Madrid", bullets: &["Atención a pacientes en una unidad de cirugía", "Formación de nuevo personal en protocolos de higiene"], employers: &["Hospital Universitario La Paz, Madrid", "Clínica San Rafael, Madrid"] },
        ],
    },
    Lang {
        code: "it",
        headings: ["Informazioni personali", "Profilo", "Esperienza lavorativa", "Istruzione e formazione", "Competenze linguistiche", "Competenze", "Certificazioni"],
        labels: ["E-mail:", "Telefono:", "Nazionalità:", "Data di nascita:", "Indirizzo:"],
        nationality: "italiana",
        first: &["Niccolò", "Giulia", "Lorenzo", "Chiara", "Mattia", "Francesca", "Andrea", "Bianca"],
        last: &["Rossi", "Bianchi", "Esposito", "Colombo", "Ricci", "De Luca", "Galli"],
        cities: &["Milano", "Torino", "Bologna", "Napoli", "Firenze"],
        phone: "+39 347",
        months: ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
        style: DateStyle::Slash,
        present: "ad oggi",
        since: "",
        lang_names: ["inglese", "francese", "tedesco", "polacco", "greco", "spagnolo", "italiano", "olandese", "portoghese"],
        native: "madrelingua",
        profiles: [
            "Professionista della sicurezza informatica con {Y} anni di esperienza in SOC, gestione degli incidenti e sicurezza cloud Azure e AWS. Esperienza nella realizzazione di corsi di sensibilizzazione e presentazioni.",
            "Sistemista con {Y} anni di esperienza in ambienti Windows, Linux e reti, con una prima esperienza nella cybersecurity.",
            "{R} con {Y} anni di esperienza, preciso, affidabile e orientato al risultato.",
        ],
        clearance: "Nulla osta di sicurezza: EU SECRET (valido fino al 2028)",
        roles: [
            Role { title: "Analista SOC senior", degree: "Laurea magistrale in Cybersecurity, Politecnico di Milano", bullets: &["Analisi di allarmi e incidenti con Splunk e Microsoft Sentinel in un SOC 24/7", "Coordinamento della risposta agli incidenti ransomware e phishing con analisi forense su Windows e Linux", "Sviluppo di regole di rilevamento basate su MITRE ATT&CK"], employers: &["Scudo Digitale S.p.A., Milano", "Sentinella Cyber S.r.l., Torino"] },
            Role { title: "Ingegnere della sicurezza cloud", degree: "Laurea in Ingegneria Informatica, Università di Bologna", bullets: &["Progettazione dell'architettura di sicurezza Azure e AWS allineata ai requisiti di business", "Hardening di server Windows e Linux secondo i CIS Benchmarks", "Implementazione di controlli di mitigazione del rischio"], employers: &["Nuvola Italia S.p.A., Bologna", "Dati Sicuri S.r.l., Firenze"] },
            Role { title: "Responsabile della sicurezza delle informazioni", degree: "Laurea magistrale in Informatica, Università di Torino", bullets: &["Conduzione di audit ISO 27001 e audit di sicurezza IT", "Creazione di materiale di sensibilizzazione e formazione per 650 dipendenti", "Redazione di linee guida di igiene informatica"], employers: &["Regione Piemonte, Torino", "Banca Popolare dell'Emilia, Modena"] },
            Role { title: "Amministratore di sistema", degree: "Laurea in Informatica, Università di Napoli Federico II", bullets: &["Gestione di server Windows, Active Directory e Linux", "Gestione di firewall, VLAN e accessi VPN"], employers: &["Trasporti Partenopei S.p.A., Napoli", "Comune di Firenze"] },
            Role { title: "Contabile", degree: "Laurea in Economia Aziendale, Università Bocconi", bullets: &["Redazione del bilancio e supporto alle revisioni contabili", "Controllo interno di note spese e pagamenti ai fornitori"], employers: &["Studio Galli Commercialisti, Milano", "Pastificio Ricci S.r.l., Parma"] },
            Role { title: "Responsabile marketing", degree: "Laurea magistrale in Marketing, Università Cattolica di Milano", bullets: &["Campagne di brand awareness sui social network", "Presentazione dei risultati alla direzione"], employers: &["Moda Colombo S.p.A., Milano", "Agenzia Lampo, Bologna"] },
            Role { title: "Architetto", degree: "Laurea magistrale in Architettura, Politecnico di Torino", bullets: &["Progettazione di edifici residenziali e uffici", "Direzione lavori e coordinamento dei consulenti"], employers: &["Studio De Luca Architetti, Firenze", "Atelier Po, Torino"] },
            Role { title: "Sviluppatore web", degree: "Laurea in Informatica, Università di Pisa", bullets: &["Sviluppo di applicazioni React e Node.js su AWS", "Manutenzione dell'e-commerce e ottimizzazione SEO"], employers: &["Pixel Toscano S.r.l., Pisa", "Vini Chianti Online"] },
            Role { title: "Infermiera", degree: "Laurea in Infermieristica, Università di Padova", bullets: &["Assistenza ai pazienti in un reparto di chirurgia", "Formazione dei nuovi colleghi sui protocolli igienici"], employers: &["Ospedale San Raffaele, Milano", "Policlinico Sant'Orsola, Bologna"] },
        ],
    },
    Lang {
        code: "nl",
        headings: ["Persoonlijke gegevens", "Profiel", "Werkervaring", "Opleiding", "Talenkennis", "Vaardigheden", "Certificeringen"],
        labels: ["E-mail:", "Telefoon:", "Nationaliteit:", "Geboortedatum:", "Adres:"],
        nationality: "Nederlandse",
        first: &["Daan", "Sanne", "Bram", "Fleur", "Joost", "Marieke", "Thijs", "Eline"],
        last: &["de Vries", "van Dijk", "Jansen", "Bakker", "Visser", "van den Berg", "Smit"],
        cities: &["Utrecht", "Rotterdam", "Eindhoven", "Groningen", "Den Haag"],
        phone: "+31 6",
        months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
        style: DateStyle::Iso,
        present: "heden",
        since: "",
        lang_names: ["Engels", "Frans", "Duits", "Pools", "Grieks", "Spaans", "Italiaans", "Nederlands", "Portugees"],
        native: "moedertaal",
        profiles: [
            "Cybersecurityspecialist met {Y} jaar ervaring in security operations, incident response en cloudbeveiliging in Azure en AWS. Ervaren in het geven van awarenesstrainingen en presentaties.",
            "Systeembeheerder met {Y} jaar ervaring in Windows, Linux en netwerken, met eerste ervaring in een security operations center.",
            "{R} met {Y} jaar ervaring, resultaatgericht, flexibel en een echte teamspeler.",
        ],
        clearance: "Veiligheidsmachtiging: EU SECRET (geldig tot 2028)",
        roles: [
            Role { title: "Senior SOC-analist", degree: "Master Cyber Security, Universiteit Leiden", bullets: &["Analyse van meldingen en incidenten met Splunk en Microsoft Sentinel in een 24/7 SOC", "Coördinatie van incident response bij ransomware en phishing, inclusief forensisch onderzoek", "Opstellen van detectieregels op basis van MITRE ATT&CK"], employers: &["Dijkwacht Security B.V., Rotterdam", "Polder Cyber Defence B.V., Utrecht"] },
            Role { title: "Cloud security engineer", degree: "Bachelor Informatica, Technische Universiteit Eindhoven", bullets: &["Ontwerp van de beveiligingsarchitectuur voor Azure en AWS", "Hardening van Windows- en Linux-servers volgens CIS Benchmarks", "Implementatie van maatregelen voor risicobeheersing"], employers: &["Wolkenkrabber Cloud B.V., Eindhoven", "Noorderlicht ICT, Groningen"] },
            Role { title: "Chief Information Security Officer", degree: "Master Informatiekunde, Universiteit Utrecht", bullets: &["Uitvoeren van ISO 27001-audits en IT-beveiligingsaudits", "Ontwikkelen van awarenessmateriaal en trainingen voor 900 medewerkers", "Opstellen van richtlijnen voor cyberhygiëne"], employers: &["Gemeente Den Haag", "Waterschap Rivierenland, Tiel"] },
            Role { title: "Systeembeheerder", degree: "HBO Bachelor ICT, Hanzehogeschool Groningen", bullets: &["Beheer van Windows Server, Active Directory en Linux", "Beheer van firewalls, VLAN's en VPN-toegang"], employers: &["Zorggroep Noord, Groningen", "Havenbedrijf Smit, Rotterdam"] },
            Role { title: "Accountant", degree: "Bachelor Accountancy, Hogeschool van Amsterdam", bullets: &["Opstellen van jaarrekeningen en ondersteuning bij financiële audits", "Interne controle van declaraties en betalingen"], employers: &["Bakker & Visser Accountants, Amsterdam", "Kaashandel Jansen B.V."] },
            Role { title: "Marketingmanager", degree: "Master Marketing, Erasmus Universiteit Rotterdam", bullets: &["Campagnes voor merkbekendheid (brand awareness) op sociale media", "Presenteren van resultaten aan de directie"], employers: &["Tulpenhuis Cosmetica B.V., Haarlem", "Bureau Vonk, Amsterdam"] },
            Role { title: "Architect", degree: "Master Architectuur, TU Delft", bullets: &["Ontwerp van woningen en kantoorgebouwen", "Bouwbegeleiding en coördinatie van adviseurs"], employers: &["Architectenbureau van Dijk, Delft", "Studio Gracht, Amsterdam"] },
            Role { title: "Webontwikkelaar", degree: "HBO Bachelor Informatica, Fontys Hogescholen", bullets: &["Ontwikkeling van React- en Node.js-applicaties op AWS", "Onderhoud van de webshop en verbetering van SEO"], employers: &["Pixelpolder B.V., Eindhoven", "Fietsenwinkel Online, Utrecht"] },
            Role { title: "Verpleegkundige", degree: "HBO Verpleegkunde, Hogeschool Utrecht", bullets: &["Zorg voor patiënten op een chirurgische afdeling", "Inwerken van nieuwe collega's in hygiëneprotocollen"], employers: &["UMC Utrecht", "Maasstad Ziekenhuis, Rotterdam"] },
        ],
    },
    Lang {
        code: "pt",
        headings: ["Informação pessoal", "Perfil", "Experiência profissional", "Educação e formação", "Competências linguísticas", "Competências", "Certificações"],
        labels: ["Email:", "Telefone:", "Nacionalidade:", "Data de nascimento:", "Morada:"],
        nationality: "portuguesa",
        first: &["João", "Inês", "Gonçalo", "Beatriz", "Tomás", "Leonor", "Rui", "Conceição"],
        last: &["Gonçalves", "Simões", "Ferreira", "Araújo", "Magalhães", "Conceição"],
        cities: &["Lisboa", "Porto", "Coimbra", "Braga", "Évora"],
        phone: "+351 912",
        months: ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
        style: DateStyle::Slash,
        present: "presente",
        since: "",
        lang_names: ["inglês", "francês", "alemão", "polaco", "grego", "espanhol", "italiano", "neerlandês", "português"],
        native: "língua materna",
        profiles: [
            "Profissional de cibersegurança com {Y} anos de experiência em centros de operações de segurança, resposta a incidentes e segurança na cloud Azure e AWS. Experiência em ações de sensibilização e apresentações.",
            "Administrador de sistemas com {Y} anos de experiência em Windows, Linux e redes, com uma primeira experiência em cibersegurança.",
            "{R} com {Y} anos de experiência, dedicado, organizado e com espírito de equipa.",
        ],
        clearance: "Credenciação de segurança: EU SECRET (válida até 2028)",
        roles: [
            Role { title: "Analista SOC sénior", degree: "Mestrado em Cibersegurança, Instituto Superior Técnico", bullets: &["Análise de alertas e incidentes com Splunk e Microsoft Sentinel num SOC 24/7", "Coordenação da resposta a incidentes de ransomware e phishing, com análise forense em Windows e Linux", "Desenvolvimento de regras de deteção baseadas em MITRE ATT&CK"], employers: &["Escudo Atlântico S.A., Lisboa", "Vigia Digital Lda., Porto"] },
            Role { title: "Engenheiro de segurança cloud", degree: "Licenciatura em Engenharia Informática, Universidade do Porto", bullets: &["Desenho da arquitetura de segurança em Azure e AWS alinhada com os requisitos do negócio", "Hardening de servidores Windows e Linux segundo CIS Benchmarks", "Implementação de controlos de mitigação de risco"], employers: &["Nuvem Lusa S.A., Lisboa", "Dados do Minho Lda., Braga"] },
            Role { title: "Responsável de segurança da informação", degree: "Mestrado em Segurança da Informação, Universidade de Coimbra", bullets: &["Realização de auditorias ISO 27001 e auditorias de segurança informática", "Criação de materiais de sensibilização e formações para 400 colaboradores", "Elaboração de orientações de ciber-higiene"], employers: &["Câmara Municipal de Coimbra", "Banco Tejo S.A., Lisboa"] },
            Role { title: "Administrador de sistemas", degree: "Licenciatura em Engenharia de Redes, Universidade do Minho", bullets: &["Administração de servidores Windows, Active Directory e Linux", "Gestão de firewalls, VLAN e acessos VPN"], employers: &["Transportes Gonçalves Lda., Braga", "Hospital de Braga"] },
            Role { title: "Contabilista certificada", degree: "Licenciatura em Contabilidade, ISCAL", bullets: &["Elaboração das demonstrações financeiras e apoio às auditorias financeiras", "Controlo interno de despesas e pagamentos a fornecedores"], employers: &["Gabinete Simões & Araújo, Lisboa", "Conservas do Atlântico S.A."] },
            Role { title: "Diretora de marketing", degree: "Mestrado em Marketing, Nova SBE", bullets: &["Campanhas de notoriedade da marca (brand awareness) nas redes sociais", "Apresentação de resultados à administração"], employers: &["Cortiça Viva S.A., Porto", "Agência Farol, Lisboa"] },
            Role { title: "Arquiteto", degree: "Mestrado Integrado em Arquitetura, Universidade do Porto", bullets: &["Projeto de habitação e edifícios de escritórios", "Acompanhamento de obra e coordenação de especialidades"], employers: &["Atelier Magalhães, Porto", "Estúdio Évora Arquitetos"] },
            Role { title: "Programador web", degree: "Licenciatura em Informática, Universidade de Aveiro", bullets: &["Desenvolvimento de aplicações React e Node.js na AWS", "Manutenção da loja online e otimização de SEO"], employers: &["Pixel Luso Lda., Aveiro", "Azulejos Online, Lisboa"] },
            Role { title: "Enfermeira", degree: "Licenciatura em Enfermagem, Escola Superior de Enfermagem de Lisboa", bullets: &["Prestação de cuidados a doentes num serviço de cirurgia", "Formação de novos enfermeiros em protocolos de higiene"], employers: &["Hospital de Santa Maria, Lisboa", "Hospital de São João, Porto"] },
        ],
    },
];
