/**
 * The four collèges, named the same on every screen (attendance, votes, projector, idea bank,
 * évaluation, actes): short enough for the projector, the words the committees use.
 */
const COLLEGE = {
  usager: 'Usagers',
  agent: 'Agents',
  partner: 'Partenaires',
  elected: 'Élus',
} as const

/**
 * French typography, applied to every string of the catalogue (and to what its functions return):
 * a no-break space before « : », a narrow no-break space before « ? ; ! », no-break spaces inside
 * « guillemets ». So a line never starts with « : » or « ? », and « » never part from their words.
 * The catalogue is written with ordinary spaces; this is the one place that fixes them.
 *
 * @example frenchSpacing('Prêt ?') // 'Prêt\u202F?'
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ :/g, '\u00A0:')
    .replace(/ ([?;!])/g, '\u202F$1')
    .replace(/« /g, '«\u00A0')
    .replace(/ »/g, '\u00A0»')
}

/**
 * "3 propositions ajoutées", or "3 ajoutées" when the phrase before already named the thing:
 * noun and participle both take the plural s.
 */
function counted(n: number, short: boolean, noun: string, participle: string, tail = ''): string {
  const s = n > 1 ? 's' : ''
  return `${n} ${short ? '' : `${noun}${s} `}${participle}${s}${tail}`
}

/** `value` with `frenchSpacing` applied to every string in it, and to every function's result. */
function typeset<T>(value: T): T {
  if (typeof value === 'string') return frenchSpacing(value) as T
  if (typeof value === 'function')
    return ((...args: unknown[]) => typeset((value as (...a: unknown[]) => unknown)(...args))) as T
  if (Array.isArray(value)) return value.map(typeset) as T
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, typeset(entry)]),
    ) as T
  return value
}

/** Every word the app shows, in French, in one place. Nothing technical reaches an usager. */
export const t = typeset({
  appName: 'Tandem',
  tagline: 'Ateliers et restitution des comités des usagers — même sans réseau',
  skipToContent: 'Aller au contenu',
  /** "Libellé : valeur", the one way to join a label and its value (for its French spacing). */
  labelled: (label: string, value: string | number) => `${label} : ${value}`,

  home: {
    newMeeting: 'Nouvelle rencontre',
    title: 'Titre de la rencontre',
    titlePlaceholder: 'Ex. : Comité des usagers — l’accès aux droits',
    date: 'Date',
    ateliers: 'Ateliers',
    atelierName: (n: number) => `Nom de l’atelier ${n}`,
    defaultAtelier: (n: number) => `Atelier ${n}`,
    addAtelier: '+ Ajouter un atelier',
    removeAtelier: 'Retirer',
    create: 'Créer la rencontre',
    creating: 'Création…',
    startFrom: 'Trame de départ',
    templates: 'Modèles',
    copyOf: 'Copie d’une rencontre précédente (trame et ateliers)',
    needTitle: 'Donnez un titre à la rencontre.',
    needAteliers: 'Il faut au moins deux ateliers, chacun avec un nom.',
    known: 'Sur cet appareil',
    noneKnown: 'Aucune rencontre ouverte sur cet appareil pour l’instant.',
    open: 'Ouvrir',
    forget: 'Retirer de cet appareil',
    forgetQuestion: (name: string) =>
      `Retirer « ${name} » de cet appareil ? Pour y revenir ensuite, il faudra son lien. Rien n’est effacé.`,
    forgetConfirm: 'Oui, retirer',
    forgetCancel: 'Non, garder',
    coordinateInstead: 'Vous coordonnez une rencontre ? La créer sur cet appareil',
    join: 'Rejoindre avec un lien',
    joinPlaceholder: 'Collez ici le lien reçu',
    joinButton: 'Rejoindre',
    kind: {
      meeting: 'Coordination',
      atelier: 'Atelier',
      projection: 'Projection',
      committee: 'Comité',
    },
  },

  meeting: {
    linksTitle: 'Liens à ouvrir sur les tablettes',
    linksHelp:
      'Dans chaque atelier, l’animateur et le rapporteur ouvrent chacun leur lien sur leur tablette (ce sont les liens des fiches imprimées). Le lien de projection s’ouvre sur l’ordinateur relié au vidéoprojecteur : il ne permet pas de modifier.',
    projectionLink: 'Lien de projection (lecture seule)',
    copy: 'Copier',
    copied: 'Copié',
    openHere: 'Ouvrir ici',
    proposalsCount: (n: number) =>
      n === 0 ? 'aucune proposition' : n === 1 ? '1 proposition' : `${n} propositions`,
    addAtelier: 'Ajouter un atelier',
    newAtelierName: 'Nom du nouvel atelier',
    keepSecret:
      'Ces liens donnent accès à la rencontre : ne les partagez qu’avec les binômes et l’équipe. Le lien d’un atelier ne permet d’écrire que dans cet atelier.',
    olderAtelierLinks:
      'Les liens d’atelier donnés avant cette version de Tandem ouvrent encore toute la rencontre : donnez plutôt ceux-ci, et les fiches à imprimer de nouveau.',
  },

  atelier: {
    views: {
      facilitator: 'Animation',
      reporter: 'Notes et propositions',
      attendance: 'Présence',
      readiness: 'Prêt ?',
    },
    viewsLabel: 'Vue',
    unknownAtelier: 'Cet atelier n’existe pas dans cette rencontre.',
    removedAtelier:
      'La coordination a retiré cet atelier de la rencontre. Son travail est conservé : demandez-lui de le restaurer si besoin.',
    // Trame runner
    step: (n: number, total: number) => `Étape ${n} sur ${total}`,
    questionsForGroup: 'Questions au groupe',
    instructions: 'Consigne pour l’animateur',
    next: 'Ensuite',
    lastStep: 'Dernière étape : ensuite, retour en plénière.',
    previousStep: '← Étape précédente',
    nextStep: 'Étape suivante →',
    noScript: 'La trame de cette rencontre est vide.',
    minutes: (n: number) => `${n} min`,
    // Timer
    timer: 'Minuteur de l’étape',
    start: 'Démarrer',
    pause: 'Pause',
    resume: 'Reprendre',
    reset: 'Remettre à zéro',
    plusOne: '+1 min',
    plusFive: '+5 min',
    timeUp: 'Temps écoulé',
    oneMinuteLeft: 'Plus qu’une minute',
    paused: 'En pause',
    atelierLeft: (minutes: number) => `Reste pour l’atelier : ${minutes} min`,
    plannedEnd: (time: string) => `fin prévue ${time}`,
    late: (minutes: number) => `${minutes} min de retard`,
    // Notes
    notes: 'Notes',
    notesFor: 'Notes de l’étape',
    notePlaceholder: 'Notez ce que dit le groupe (sans noms)…',
    notesPrivacy:
      'Ces notes sont relues en plénière et dans les actes : on y écrit ce qui est dit, pas qui le dit — aucun nom d’usager.',
    // Proposals
    proposals: 'Propositions du groupe',
    newProposal: 'Nouvelle proposition',
    placeholder: 'Écrivez la proposition telle que le groupe la formule…',
    add: 'Ajouter la proposition',
    empty: 'Aucune proposition pour l’instant. Le groupe doit en faire émerger au moins deux.',
    tooLong: (max: number) => `La proposition dépasse ${max} caractères.`,
    fromStep: (title: string) => `Étape : ${title}`,
    validate: 'Valider',
    validated: 'Validée par le groupe',
    unvalidate: 'Retirer la validation',
    edit: 'Modifier',
    save: 'Enregistrer',
    cancel: 'Annuler',
    moveUp: '↑ Monter',
    moveDown: '↓ Descendre',
    moreActions: 'Autres actions',
    delete: 'Mettre à la corbeille',
    binned: (text: string) => `« ${text} » est dans la corbeille.`,
    bin: (n: number) => `Corbeille (${n})`,
    restore: 'Restaurer',
    changedAfterTransmission: 'Modifiée après transmission',
    warnings: {
      tooFewProposals: (n: number) =>
        `${n === 0 ? 'Aucune proposition' : n === 1 ? 'Une seule proposition' : `${n} propositions`} : chaque atelier doit en faire émerger au moins deux.`,
      tooFewValidated: (n: number) =>
        `${n === 0 ? 'Aucune proposition validée' : n === 1 ? 'Une seule proposition validée' : `${n} propositions validées`} : le groupe en valide deux ou trois pour la plénière.`,
      tooManyValidated: (n: number) =>
        `${n} propositions validées : la plénière en attend deux ou trois. Le groupe peut en retirer.`,
    },
    transmit: 'Transmettre à la plénière',
    transmitAgain: 'Transmettre à nouveau',
    transmittedAt: (time: string) => `Envoyé à la plénière à ${time} ✓`,
    transmissionOnRelay: 'Bien arrivé : la coordination le voit.',
    transmissionWaiting:
      'Pas encore arrivé à la coordination : l’envoi se fera tout seul dès que le réseau reviendra.',
    transmitNothing:
      'Aucune proposition n’est validée : la plénière ne recevra rien de cet atelier. Transmettre quand même ?',
    transmitAnyway: 'Transmettre sans proposition',
    undo: 'Annuler ma dernière action',
    redo: 'Rétablir',
    // Attendance
    attendance: 'Présence dans l’atelier',
    attendanceHelp: 'Des nombres seulement, jamais de noms.',
    colleges: {
      usagerNew: `${COLLEGE.usager} — première fois`,
      usagerReturning: `${COLLEGE.usager} — déjà venus`,
      agent: COLLEGE.agent,
      partner: COLLEGE.partner,
      elected: COLLEGE.elected,
      other: 'Autres',
    },
    total: (n: number) => `Total : ${n} personne${n > 1 ? 's' : ''}`,
    increment: (college: string) => `Ajouter une personne : ${college}`,
    decrement: (college: string) => `Retirer une personne : ${college}`,
  },

  prepare: {
    tabs: {
      links: 'Liens',
      edit: 'Préparer',
      sheets: 'Fiches à imprimer',
      readiness: 'Prêt pour la soirée',
      plenary: 'Plénière',
      proceedings: 'Actes',
      followUp: 'Suivi',
      history: 'Historique',
    },
    tabsLabel: 'Coordination de la rencontre',
    order:
      'La soirée se prépare dans l’ordre des onglets numérotés : 1 Préparer la rencontre et la trame, 2 imprimer les fiches des binômes, 3 vérifier que tout est prêt, 4 mener la plénière, 5 publier les actes, 6 suivre les propositions retenues. Les liens de cet onglet servent à tout moment.',
    start: 'Commencer →',
    nextStep: (n: number, name: string) => `Étape suivante : ${n}. ${name}`,
    continue: 'Continuer →',
    details: 'La rencontre',
    theme: 'Thème du jour',
    themePlaceholder: 'Ex. : l’accès aux droits',
    place: 'Lieu',
    placePlaceholder: 'Ex. : Hôtel de Ville, salle des fêtes',
    schedule: 'Déroulé de la soirée',
    parts: {
      opening: 'Plénière d’ouverture',
      ateliers: 'Ateliers',
      restitution: 'Restitution',
      end: 'Fin',
    },
    atelierSlot: (minutes: number) => `Les ateliers disposent de ${minutes} min.`,
    scheduleOutOfOrder: (parts: string) => `Horaires dans le désordre : ${parts}.`,
    openingText: 'Texte de la plénière d’ouverture (comment fonctionne le comité)',
    atelierName: 'Nom',
    room: 'Salle',
    facilitatorName: 'Prénom de l’animateur (facultatif)',
    reporterName: 'Prénom du rapporteur (facultatif)',
    removeAtelier: 'Retirer l’atelier',
    confirmRemove: 'Confirmer le retrait',
    removeWarning: (n: number) =>
      `Cet atelier contient déjà ${n} élément${n > 1 ? 's' : ''} (propositions, notes). Il restera récupérable ci-dessous.`,
    removedAteliers: 'Ateliers retirés',
    trame: 'Trame des ateliers',
    trameTotal: (total: number, slot: number) =>
      total === slot
        ? `Durée totale : ${total} min, exactement le créneau des ateliers.`
        : total > slot
          ? `Durée totale : ${total} min, soit ${total - slot} min de plus que le créneau des ateliers (${slot} min).`
          : `Durée totale : ${total} min, soit ${slot - total} min de moins que le créneau des ateliers (${slot} min).`,
    newStep: 'Nouvelle étape',
    addStep: '+ Ajouter une étape',
    removeStep: 'Supprimer l’étape',
    duration: 'Durée (min)',
    question: (n: number) => `Question ${n}`,
    newQuestion: 'Nouvelle question',
    addQuestion: '+ Ajouter une question',
    templateName: 'Enregistrer cette trame comme modèle, sous le nom',
    saveTemplate: 'Enregistrer le modèle',
    templateSaved: 'Modèle enregistré dans le comité.',
    sheetsHelp:
      'Une fiche par atelier, à remettre au binôme : il scanne le code avec l’appareil photo de la tablette, une première fois avec le réseau.',
    print: 'Imprimer les fiches',
    sheetAtelierHelp:
      'Scannez le code de votre rôle avec l’appareil photo de la tablette, avec le réseau, avant la soirée. Ensuite la tablette fonctionne sans réseau. Une seule tablette pour le binôme ? Scannez l’un des deux : on passe d’une vue à l’autre en haut de l’écran.',
    roleCode: { facilitator: 'Tablette de l’animateur', reporter: 'Tablette du rapporteur' },
    sheetProjectionHelp:
      'À ouvrir sur l’ordinateur relié au vidéoprojecteur. Ce lien permet seulement de regarder.',
    qrLabel: 'Code QR du lien',
  },

  restore: {
    title: 'Revenir à un moment de la soirée',
    help: 'Le relais garde l’état de la rencontre minute par minute pendant l’activité. Rétablir un moment ajoute un nouveau changement que tous les appareils reçoivent : rien n’est effacé de l’historique, et l’on peut revenir ensuite à un moment plus récent.',
    refresh: 'Actualiser',
    loading: 'Lecture de l’historique…',
    none: 'Le relais n’a encore gardé aucun moment de cette rencontre (il en garde un par minute d’activité).',
    moment: 'Moment',
    scope: 'Que rétablir ?',
    wholeMeeting: 'Toute la rencontre',
    atelier: (name: string) => `L’atelier « ${name} » seulement`,
    preview: 'Voir ce moment',
    summary: (ateliers: number, proposals: number, notes: number) =>
      `À ce moment : ${ateliers} atelier${ateliers > 1 ? 's' : ''}, ${proposals} proposition${proposals > 1 ? 's' : ''}, ${notes} note${notes > 1 ? 's' : ''} écrite${notes > 1 ? 's' : ''}.`,
    restore: (when: string) => `Rétablir tel qu’à ${when}`,
    restored: (when: string) =>
      `Rétabli tel qu’à ${when}. Tous les appareils reçoivent ce changement.`,
    unchanged: 'Rien à rétablir : c’est déjà ainsi.',
    problems: {
      unreachable:
        'Le relais n’est pas joignable : l’historique est gardé sur le relais, il faut une connexion.',
      refused: 'Le relais refuse ce lien : seul le lien de coordination donne l’historique.',
      unreadable: 'Ce moment ne peut pas être lu.',
    },
  },

  readiness: {
    title: 'Prêt pour la soirée ?',
    skipped: (n: number) =>
      `${n === 1 ? '1 élément illisible a été ignoré' : `${n} éléments illisibles ont été ignorés`} dans la rencontre (écrit${n > 1 ? 's' : ''} par un appareil ou un fichier que Tandem ne reconnaît pas). Le reste s’affiche normalement.`,
    secure: {
      ok: 'La page est sécurisée (https) : elle peut s’ouvrir sans réseau.',
      missing:
        'Cette page est en http : elle ne pourra jamais s’ouvrir sans réseau, attendre n’y change rien. Ouvrez le lien en https (bandeau en haut de la page) ; la première fois, installez le certificat du relais sur la tablette (« Installer sur les tablettes »).',
      warning: '',
      pending: '',
    },
    ready: 'Cet appareil est prêt à fonctionner toute la soirée sans réseau.',
    notReady: 'Cet appareil n’est pas encore prêt : voyez ce qui manque ci-dessous.',
    app: {
      ok: 'L’application est enregistrée sur cet appareil.',
      missing:
        'L’application n’est pas encore enregistrée pour fonctionner sans réseau : gardez la page ouverte avec le réseau quelques secondes.',
      warning: '',
      pending: 'Vérification de l’application…',
    },
    meeting: {
      ok: 'La rencontre et sa trame sont enregistrées sur cet appareil.',
      missing: 'La rencontre n’est pas encore enregistrée sur cet appareil.',
      warning: '',
      pending: '',
    },
    storage: {
      ok: 'Le navigateur s’est engagé à ne pas effacer les données.',
      warning:
        'Le navigateur ne garantit pas la conservation des données si la place manque : installez l’application sur l’écran d’accueil.',
      missing: '',
      pending: 'Vérification du stockage…',
    },
    sync: (ago: string) => `Dernière synchronisation : ${ago}.`,
    relay: {
      ok: 'Le relais de la salle répond en ce moment.',
      warning:
        'Le relais ne répond pas en ce moment : le travail reste enregistré ici et partira au retour du réseau.',
      missing: '',
      pending: 'Recherche du relais…',
    },
    ateliersTitle: 'Tablettes des ateliers',
    devicesJoined: (n: number, ago: string) =>
      `${n} appareil${n > 1 ? 's' : ''} connecté${n > 1 ? 's' : ''}, dernière synchronisation ${ago}`,
    noDevice: 'aucune tablette n’a encore rejoint cet atelier',
  },

  committee: {
    title: 'Comité',
    yours: 'Votre comité',
    open: 'Ouvrir le comité',
    meetings: 'Rencontres du comité',
    noMeetings: 'Aucune rencontre pour l’instant.',
    templates: 'Modèles de trame',
    builtIn: 'fourni avec Tandem',
    deleteTemplate: 'Supprimer',
    link: 'Lien du comité (pour un autre appareil de la coordination)',
    linkHelp:
      'Ce lien ouvre toutes les rencontres du comité : ne le donnez qu’aux personnes de la coordination.',
  },

  followUp: {
    title: 'Tableau de suivi des propositions',
    loading: 'Ouverture du tableau de suivi…',
    noCommittee:
      'Le tableau de suivi est tenu par le comité, et ce poste n’a pas encore ouvert le comité : ouvrez ici le lien du comité (sur l’écran du comité du poste qui a créé la rencontre).',
    empty:
      'Aucune proposition retenue pour l’instant. Les propositions retenues en plénière apparaissent ici.',
    refresh: 'Reprendre les propositions retenues des rencontres',
    refreshed: (n: number) =>
      n === 0
        ? 'Rien de nouveau.'
        : `${n} proposition${n > 1 ? 's' : ''} ajoutée${n > 1 ? 's' : ''} au tableau.`,
    status: {
      retained: 'Retenue en plénière',
      submittedToBoard: 'Soumise au Conseil d’administration',
      validated: 'Validée',
      rejected: 'Non retenue',
      assignedToGroup: 'Confiée à un groupe de travail',
      inProgress: 'En cours',
      done: 'Réalisée',
    },
    /** The button that moves a proposal to a status: an action, where `status` is a state. */
    moveTo: {
      retained: 'Revenir à « retenue en plénière »',
      submittedToBoard: 'Soumettre au Conseil d’administration',
      validated: 'Noter la validation',
      rejected: 'Noter « non retenue »',
      assignedToGroup: 'Confier à un groupe de travail',
      inProgress: 'Noter « en cours »',
      done: 'Noter « réalisée »',
    },
    filterStatus: 'Statut',
    filterMeeting: 'Rencontre',
    all: 'Toutes',
    origin: (meeting: string, ateliers: string) => `${meeting} — ${ateliers}`,
    history: 'Historique',
    change: 'Faire avancer',
    comment: 'Commentaire',
    reasonRequired: 'Pour « non retenue », indiquez la raison : elle sera dite aux participants.',
    owner: 'Suivi par (service ou groupe de travail)',
    exportCsv: 'Exporter pour un tableur (CSV)',
    exportDecidim: 'Exporter pour Decidim (CSV)',
    csvHeader: [
      'Proposition',
      'Rencontre',
      'Date de la rencontre',
      'Ateliers',
      'Statut',
      'Depuis le',
      'Suivi par',
      'Commentaire',
    ],
    decidimDescription: (meeting: string, date: string, ateliers: string) =>
      `Proposition du comité des usagers, rencontre « ${meeting} » du ${date} (${ateliers}).`,
    since: (date: string) => `depuis le ${date}`,
  },

  proceedings: {
    tab: 'Actes',
    heading: (title: string) => `Actes — ${title}`,
    theme: (theme: string) => `Thème : ${theme}`,
    attendance: 'Participation',
    proposals: 'Propositions de l’atelier',
    validated: 'validée par le groupe',
    noNotes: 'Pas de notes pour cette question.',
    noProposals: 'Pas de proposition.',
    restitution: 'Restitution en plénière',
    retained: 'retenue en plénière',
    votes: 'Votes',
    method: 'Comment les propositions ont été classées',
    methodOverall: 'Vote à main levée de toute la salle : chaque main levée compte un point.',
    methodColleges: (weights: string) =>
      `Vote par collège : chaque main levée compte autant de points que le poids de son collège (${weights}). Les points d’une proposition sont la somme de ceux de chaque collège ; un collège qui n’a pas voté compte zéro.`,
    weightOf: (college: string, weight: string) => `${college} : poids ${weight}`,
    tieRule:
      'Les propositions qui ont autant de points sont ex æquo : elles partagent le même rang, et le rang suivant est sauté (1, 2, 2, 4). Une proposition sans vote n’est pas classée.',
    points: (detail: string) => `Points : ${detail}`,
    exAequo: 'ex æquo',
    conclusion: 'Conclusion',
    intro: 'Introduction (facultative)',
    conclusionField: 'Conclusion (facultative)',
    print: 'Imprimer ou enregistrer en PDF',
    word: 'Télécharger pour Word ou LibreOffice (.docx)',
    markdown: 'Télécharger en texte (.md)',
    preparing: 'Préparation du fichier…',
    fileName: (slug: string, ext: string) => `actes-${slug || 'rencontre'}.${ext}`,
  },

  evaluation: {
    title: 'Évaluation du comité',
    empty: 'Les chiffres apparaîtront après la première rencontre.',
    chartLabel: 'Personnes présentes à chaque rencontre, par collège',
    tableLabel: 'Chiffres de chaque rencontre',
    columns: [
      'Rencontre',
      'Date',
      'Présents',
      COLLEGE.usager,
      `${COLLEGE.usager} déjà venus`,
      COLLEGE.agent,
      COLLEGE.partner,
      COLLEGE.elected,
      'Inscrits',
      'Inscrits absents',
      'Propositions',
    ],
    missing: (n: number) =>
      `${n} rencontre${n > 1 ? 's' : ''} pas encore sur cet appareil : ouvrez-la${n > 1 ? 's' : ''} une fois avec le réseau.`,
    byStatus: 'Propositions par statut',
    registered: 'Personnes inscrites (facultatif)',
  },

  /** The projector in plenary: opening screens, the restitution wall, the ranking. */
  wall: {
    title: 'Restitution',
    transmitted: (n: number, total: number) =>
      n === 0
        ? `Aucun atelier n’a encore transmis (sur ${total})`
        : `${n} atelier${n > 1 ? 's' : ''} sur ${total} ${n > 1 ? 'ont' : 'a'} transmis`,
    waiting: 'Pas encore transmis',
    atStep: (n: number, total: number, title: string) => `Étape ${n}/${total} : ${title}`,
    lastSeen: (time: string, ago: string) => `Dernières nouvelles à ${time} (${ago})`,
    neverSeen: 'Pas encore de nouvelles de cet atelier',
    transmittedAt: (time: string) => `Transmis à ${time}`,
    changed: 'modifiée après transmission',
    changesSince: (n: number) => `${n} changement${n > 1 ? 's' : ''} depuis la transmission`,
    inGroups: (n: number) =>
      n === 1 ? '+ 1 proposition regroupée' : `+ ${n} propositions regroupées`,
    noValidated: 'Transmis sans proposition validée',
    group: 'Regroupement',
    groupOf: (names: string) => `Regroupement · ${names}`,
    /** What follows an atelier's name under a group: its own words, quoted. */
    quotedAfterName: (text: string) => ` : « ${text} »`,
    debate: 'Débat',
    votes: 'Vote',
    fullscreen: 'Plein écran',
    highContrast: 'Contraste élevé',
    opening: {
      howItWorks: 'Comment fonctionne le comité',
      followUp: 'Ce que sont devenues vos propositions',
      followUpPending:
        'Pas encore de proposition à suivre : le tableau de suivi s’affichera ici après la première rencontre.',
      theme: 'Le thème de ce soir',
      noTheme: 'Le thème sera annoncé par la coordination.',
      ateliers: 'Les ateliers de ce soir',
      noRoom: 'Salle à préciser',
    },
    ranking: {
      title: 'Classement',
      overall: 'Vote à main levée',
      byCollege: 'Vote par collège',
      weighted: (weights: string) => `pondération : ${weights}`,
      notVoted: 'pas encore de vote',
      exAequo: 'ex æquo',
      hands: (n: number) => `${n} voix`,
      points: (score: string) => `${score} pts`,
      pointsUnit: 'pts',
      handsUnit: 'voix',
      retained: 'Retenue en plénière',
      empty: 'Aucune proposition transmise pour l’instant.',
    },
    colleges: COLLEGE,
    collegesShort: COLLEGE,
    notCounted: '—',
  },

  /** The coordinator's plenary panel: drives the projector, groups, counts, retains. */
  plenary: {
    title: 'Plénière',
    views: {
      screen: 'Écran projeté',
      proposals: 'Propositions',
      votes: 'Vote',
      ranking: 'Classement',
    },
    viewsLabel: 'Partie de la plénière',
    viewsProject:
      'Propositions et Vote projettent le mur des propositions ; Classement projette le classement.',
    screens: {
      howItWorks: 'Le comité',
      followUp: 'Suivi des propositions',
      theme: 'Thème',
      ateliers: 'Ateliers et salles',
      wall: 'Mur des propositions',
      ranking: 'Classement',
    },
    onScreenLabel: 'À l’écran',
    opening: 'Plénière d’ouverture',
    restitution: 'Restitution',
    previous: '← Précédent',
    next: 'Suivant →',
    preview: 'Ce que voit la salle',
    spotlightOn: (name: string) => `En grand à l’écran : ${name}`,
    spotlightAtelier: 'Projeter l’atelier en grand',
    spotlight: 'Projeter en grand',
    backToWall: 'Revenir au mur entier',
    noItems:
      'Aucune proposition transmise pour l’instant : elles arrivent ici dès qu’un atelier transmet.',
    // Grouping
    select: 'Sélectionner pour regrouper',
    groupSelected: (n: number) => `Regrouper la sélection (${n})`,
    selectHelp: 'Cochez au moins deux propositions qui disent la même chose.',
    wording: 'Formulation commune',
    createGroup: 'Créer le regroupement',
    cancel: 'Annuler',
    ungroup: 'Dégrouper',
    leaveGroup: 'Sortir du regroupement',
    reword: 'Modifier la formulation',
    save: 'Enregistrer',
    originalText: (atelier: string, text: string) => `${atelier} : « ${text} »`,
    groups: 'Regroupements',
    // Debate notes
    debateNotes: 'Notes du débat',
    notesLabel: 'Ce que dit la salle',
    openNotes: 'Prendre des notes du débat',
    notesPlaceholder: 'Ce que dit la salle (sans noms)…',
    // Votes
    voteMode: 'Mode de vote',
    modes: { overall: 'Toute la salle', colleges: 'Par collège' },
    weights: 'Poids des collèges',
    weightsHelp: 'Un poids de 2 compte chaque main levée double. Laissez 1 pour un vote simple.',
    weightOf: (college: string) => `Poids : ${college}`,
    overallCount: 'Mains levées',
    countHelp:
      'Chaque personne qui compte saisit son propre comptage sur son appareil : les deux sont comparés.',
    total: (n: number) => `Total : ${n} voix`,
    score: (score: string) => `Score pondéré : ${score}`,
    missing: (names: string) => `pas encore compté : ${names}`,
    // Retention
    retain: 'Retenir en plénière',
    unretain: 'Ne plus retenir',
    retained: 'Retenue en plénière',
    retainedCount: (n: number) =>
      n === 0
        ? 'Aucune proposition retenue pour l’instant.'
        : `${n} proposition${n > 1 ? 's' : ''} retenue${n > 1 ? 's' : ''} : elles iront au tableau de suivi.`,
  },

  /** Counting hands, in the plenary and the idea bank: each counter types on their own device. */
  counting: {
    othersCounted: (values: string) => `autre comptage : ${values}`,
    agreed: 'comptages concordants',
    gap: (values: number[]) => `écart : ${values.join(' / ')}`,
    keep: (n: number) => `Garder ${n}`,
  },

  /** A place in a ranking, in the plenary and the idea bank. */
  ranking: {
    rank: (rank: number, tied: boolean) =>
      `${rank}${rank === 1 ? 'ʳᵉ' : 'ᵉ'}${tied ? ' ex æquo' : ''}`,
    unranked: 'pas encore de vote',
  },

  weight: {
    notANumber: (text: string) => `« ${text} » n’est pas un nombre : tapez par exemple 2 ou 0,5.`,
    outOfRange: (max: number) => `Un poids va de 0 à ${max}.`,
  },
  sync: {
    synced: 'Synchronisé',
    connecting: 'Connexion…',
    offline: 'Pas de réseau — tout est gardé sur cet appareil',
    offlinePending: 'Pas de réseau — tout est gardé sur cet appareil, l’envoi se fera tout seul',
    refused: 'Lien refusé',
    onRelay: 'Reçu par le relais de la salle',
    pending: 'Pas encore envoyé : l’envoi se fera tout seul dès que le réseau reviendra',
    never: 'jamais',
    neverSynced: 'Jamais synchronisé : le travail n’existe que sur cet appareil pour l’instant',
    lastSynced: (ago: string) => `Dernière synchronisation ${ago}`,
    details: 'Détails de la synchronisation',
    justNow: 'à l’instant',
    minutesAgo: (n: number) => `il y a ${n} min`,
    hoursAgo: (n: number) => `il y a ${n} h`,
    at: (time: string) => `à ${time}`,
  },

  /** Saving on this device and what the relay says: the sync indicator and the storage banner. */
  saving: {
    inProgress: 'Enregistrement…',
    savedHere: 'Enregistré sur cet appareil',
    notSaved: (n: number) =>
      n === 1
        ? '1 modification pas encore enregistrée sur cet appareil'
        : `${n} modifications pas encore enregistrées sur cet appareil`,
    relayBusy: 'relais occupé, nouvel essai dans un instant',
    stopped: 'Synchronisation arrêtée',
    refusedTooLarge: 'Rencontre trop volumineuse pour le relais : prévenez la coordination',
    refusedOrigin: 'Cette adresse n’est pas autorisée par le relais',
    storageFull:
      'Cet appareil est plein : vos dernières modifications ne sont gardées qu’en mémoire. Ne fermez pas la page, libérez de la place (photos, applications) ; Tandem réessaie tout seul.',
    storageUnavailable:
      'Le stockage de cet appareil ne répond plus : vos dernières modifications sont gardées en mémoire et Tandem réessaie. Ne fermez pas la page.',
  },

  errors: {
    screen: {
      title: 'Cet écran n’a pas pu s’afficher',
      help: 'Une donnée reçue est illisible ou inattendue. Vos saisies sont enregistrées, la synchronisation continue, et les autres écrans fonctionnent.',
    },
    card: {
      title: 'Cette partie n’a pas pu s’afficher',
      help: 'Une donnée reçue est illisible ou inattendue. Le reste de l’écran fonctionne.',
    },
    detail: 'Détail technique',
    retry: 'Réessayer',
    /** On the coordinator's screen: the restore panel ("Historique"), if a write broke the tab. */
    wayBack: 'Revenir à un moment antérieur de la soirée',
  },

  gate: {
    loading: 'Ouverture de la rencontre…',
    waiting: 'En attente de la rencontre',
    waitingHelp:
      'Cet appareil n’a pas encore reçu la rencontre. Connectez-le une fois au réseau de la salle : ensuite, il fonctionnera sans réseau.',
    emptyHelp:
      'Le relais et cet appareil ne contiennent plus cette rencontre. Si elle a été effacée, rétablissez-la telle qu’elle était à un moment antérieur.',
    invalidLink: 'Lien invalide ou expiré',
    invalidLinkHelp:
      'Ce lien ne permet pas d’ouvrir une rencontre. Demandez à la coordination de vous renvoyer le lien.',
    home: 'Retour à l’accueil',
    homeSuffix: ' — retour à l’accueil',
    readOnly: 'Lecture seule',
  },

  device: {
    title: 'Cet appareil',
    persisted: 'Les données sont protégées sur cet appareil.',
    notPersisted:
      'Le navigateur pourrait effacer les données si la place manque : installez l’application sur l’écran d’accueil.',
    offlineReady: 'Application prête à fonctionner sans réseau.',
    notOfflineYet: 'Chargement de l’application pour le mode hors ligne…',
  },

  secure: {
    banner:
      'Cette page n’est pas sécurisée (http) : sur cet appareil, Tandem ne pourra pas s’ouvrir sans réseau.',
    openSecure: 'Ouvrir la même page en https',
    askCoordination: 'Demandez à la coordination le lien en https.',
    firstTime: 'Première fois sur cette tablette ? Installer sur les tablettes',
    addressTitle: 'Adresse des tablettes',
    onLocalhost: (address: string) =>
      `Cette page est ouverte sur « localhost », que seul cet ordinateur connaît. Les liens et les codes QR utilisent l’adresse des tablettes : ${address}`,
    onPlainHttp: (address: string) =>
      `Cette page est en http : une tablette qui l’ouvrirait ne fonctionnerait pas sans réseau. Les liens et les codes QR utilisent l’adresse https : ${address}`,
    noAddressOnLocalhost:
      'Cette page est ouverte sur « localhost », que seul cet ordinateur connaît, et le relais ne donne aucune adresse https aux tablettes. Relancez-le avec « npm start », sans HOST=127.0.0.1 ni HTTPS=off, l’ordinateur branché au réseau des tablettes.',
    noAddressOnPlainHttp:
      'Cette page est en http et le relais ne donne aucune adresse https : les tablettes ne pourront pas s’ouvrir sans réseau. Relancez le relais avec « npm start », sans HTTPS=off.',
    chooseAddress: 'Adresse utilisée dans les liens et les codes QR',
    addressHelp:
      'Dans le doute, prenez l’adresse en chiffres. « tandem.local » reste la même d’un réseau à l’autre, mais certaines tablettes Android ne la trouvent pas.',
    installTitle: 'Installer sur les tablettes',
    installHelp:
      'À scanner une fois par tablette, avant la soirée, relais allumé et tablette sur le même réseau : elle apprend à faire confiance à cet ordinateur.',
  },

  install: {
    title: 'Installer sur les tablettes',
    intro:
      'À faire une seule fois par tablette, sur le même réseau que l’ordinateur de la coordination. Ensuite, Tandem s’ouvre en https sur cette tablette, même sans réseau.',
    ipadTitle: 'iPad',
    downloadProfile: 'Télécharger le profil (iPad)',
    ipadSteps: [
      'Touchez « Télécharger le profil », puis « Autoriser ».',
      'Ouvrez Réglages → Profil téléchargé → Installer, et saisissez le code de l’iPad.',
      'Ouvrez Réglages → Général → Informations → Réglages des certificats, et activez la confiance totale pour « Tandem ».',
      'Revenez sur cette page : la vérification se fait toute seule.',
    ],
    androidTitle: 'Tablette Android',
    downloadCertificate: 'Télécharger le certificat (Android)',
    androidSteps: [
      'Touchez « Télécharger le certificat ».',
      'Ouvrez Paramètres → Sécurité → Chiffrement et identifiants → Installer un certificat → Certificat CA, puis choisissez « tandem-ca.crt » (la tablette peut demander de définir un code de verrouillage).',
      'Revenez sur cette page : la vérification se fait toute seule.',
    ],
    checkTitle: 'Vérification',
    checking: 'Vérification…',
    trusted: 'Cette tablette fait confiance au relais ✓',
    notTrusted:
      'Pas encore : cette tablette ne fait pas confiance au relais. Reprenez les étapes ci-dessus, puis vérifiez à nouveau.',
    checkAgain: 'Vérifier à nouveau',
    openApp: 'Ouvrir Tandem en https',
    noRelay:
      'Le relais ne répond pas : vérifiez que la tablette est sur le même réseau que l’ordinateur de la coordination, puis rechargez la page.',
    noSecure:
      'Ce relais ne sert pas https : rien à installer ici. Demandez à la coordination de lancer Tandem avec « npm start ».',
  },

  update: {
    available: 'Nouvelle version disponible',
    apply: 'Mettre à jour',
    later: 'Plus tard',
  },

  handover: {
    shareTitle: 'Sans réseau ?',
    shareHelpAtelier:
      'Si cette tablette ne peut pas rejoindre la coordination, partagez le travail de l’atelier dans un fichier (AirDrop, Bluetooth, câble, clé USB…). La coordination l’importe sur son ordinateur : rien n’est perdu, rien n’est en double.',
    shareHelpMeeting:
      'Pour transmettre toute la rencontre à un autre appareil qui l’a déjà ouverte, sans réseau : partagez-la dans un fichier, puis importez-le sur cet appareil.',
    share: 'Partager sans réseau',
    preparing: 'Préparation du fichier…',
    shared: (fileName: string) => `Fichier « ${fileName} » partagé. Remettez-le à la coordination.`,
    downloaded: (fileName: string) =>
      `Fichier « ${fileName} » enregistré dans les téléchargements de cet appareil. Remettez-le à la coordination (câble, clé USB, AirDrop…).`,
    shareFailed:
      'Le fichier n’a pas pu être préparé sur cet appareil. Réessayez ; si cela recommence, prévenez la coordination.',
    /** Names the file of a whole meeting; an atelier's file is named after the atelier. */
    wholeMeetingFileLabel: 'coordination',

    importTitle: 'Importer le travail d’un atelier',
    importHelp:
      'Sans réseau, chaque atelier peut vous remettre son travail dans un fichier « .tandem ». Choisissez-le ici ou déposez-le sur ce cadre : vous voyez ce qu’il ajoute, modifie ou efface avant de confirmer, et l’importer deux fois ne crée pas de doublon.',
    import: 'Importer un fichier',
    importing: 'Import en cours…',
    dropHere: 'Déposez le fichier ici',
    fromAtelier: (name: string) => `Fichier de « ${name} »`,
    fromMeeting: 'Fichier importé',
    nothingNew: 'Rien de nouveau : ce fichier était déjà importé (ou déjà reçu par le réseau).',
    nothingCounted: 'aucune proposition nouvelle ou modifiée',
    /** One phrase per counted change; `short` when the previous phrase already named the thing. */
    changes: {
      titleChanged: () => 'titre de la rencontre changé',
      atelierAdded: (n: number, short: boolean) => counted(n, short, 'atelier', 'ajouté'),
      proposalAdded: (n: number, short: boolean) => counted(n, short, 'proposition', 'ajoutée'),
      proposalModified: (n: number, short: boolean) => counted(n, short, 'proposition', 'modifiée'),
      atelierRenamed: (n: number, short: boolean) => counted(n, short, 'atelier', 'renommé'),
      atelierRemoved: (n: number, short: boolean) =>
        counted(n, short, 'atelier', 'retiré', ' de la soirée'),
      proposalBinned: (n: number, short: boolean) =>
        counted(n, short, 'proposition', 'mise', ' à la corbeille'),
      proposalDeleted: (n: number, short: boolean) => counted(n, short, 'proposition', 'effacée'),
      noteChanged: (n: number, short: boolean) => counted(n, short, 'note', 'modifiée'),
      noteDeleted: (n: number, short: boolean) => counted(n, short, 'note', 'effacée'),
    },
    /** The confirmation asked before a file is merged (`ImportHandover`). */
    touches: (names: string[]) =>
      `Son contenu concerne : ${names.map((name) => `« ${name} »`).join(', ')}.`,
    touchesOthers: (from: string, others: string[]) =>
      `Attention : ce fichier dit venir de « ${from} », mais il modifie aussi ${others.map((name) => `« ${name} »`).join(', ')}.`,
    destructive:
      'Attention : ce fichier efface, met à la corbeille ou remplace du travail déjà présent dans la rencontre. Vérifiez avant d’importer.',
    confirm: 'Importer ce fichier',
    cancel: 'Ne pas importer',
    imported: (message: string) => `Importé. ${message}`,
    cancelled: (fileName: string) =>
      `« ${fileName} » n’a pas été importé. La rencontre n’a pas été modifiée.`,
    refusedTitle: (fileName: string) => `« ${fileName} » n’a pas été importé.`,
    refusals: {
      empty: 'Ce fichier est vide. Refaites le partage depuis la tablette de l’atelier.',
      tooLarge:
        'Ce fichier est bien trop gros pour être un partage de Tandem. Vérifiez que c’est le bon fichier.',
      unreadableFile:
        'Ce fichier n’a pas pu être lu sur cet appareil. Copiez-le à nouveau, puis réessayez.',
      notHandover:
        'Ce fichier n’est pas un partage de Tandem. Choisissez le fichier qui se termine par « .tandem ».',
      unsupportedVersion:
        'Ce fichier a été fait par une autre version de Tandem. Mettez l’application à jour sur les deux appareils, puis refaites le partage.',
      truncated:
        'Ce fichier est incomplet : sa copie a dû être interrompue. Copiez-le à nouveau depuis la tablette, puis réessayez.',
      corrupt:
        'Ce fichier est abîmé : son contenu a changé depuis le partage. Refaites le partage depuis la tablette de l’atelier.',
      otherMeeting:
        'Ce fichier vient d’une autre rencontre : il ne peut pas être ajouté à celle-ci. Ouvrez la rencontre à laquelle il appartient.',
      notCompressed:
        'Ce fichier n’a pas été fait par le bouton « Partager sans réseau » de Tandem. Refaites le partage depuis la tablette.',
      undecodable:
        'Le contenu de ce fichier est illisible : il ne contient pas de rencontre. Refaites le partage depuis la tablette.',
      tooLargeForRelay:
        'Ce fichier apporte plus que le relais de la salle n’accepte : importé, il bloquerait la synchronisation de cet appareil. Demandez à l’atelier de partager son travail en plusieurs fois, ou vérifiez que c’est le bon fichier.',
    },
    unchanged: 'La rencontre n’a pas été modifiée.',
    importFailed: (fileName: string) =>
      `« ${fileName} » n’a pas pu être importé sur cet appareil. La rencontre n’a pas été modifiée. Essayez sur un autre appareil, ou après une mise à jour du navigateur.`,
  },

  /** The idea bank (Angers): collect, sort into axes, sieve, vote by collège, choose chantiers. */
  ideas: {
    title: 'Banque d’idées',
    summary: (ideas: number, axes: number, projects: number) =>
      `${ideas === 0 ? 'Aucune idée' : ideas === 1 ? '1 idée' : `${ideas} idées`} · ${axes} axe${axes > 1 ? 's' : ''} · ${projects === 0 ? 'aucun chantier' : projects === 1 ? '1 chantier' : `${projects} chantiers`}`,
    intro:
      'Recueillez les idées (soirées, fêtes de quartier, fiches papier), classez-les par axe, passez-les au tamis des critères, puis faites voter les collèges pour choisir les chantiers.',
    open: 'Ouvrir la banque d’idées',
    close: 'Refermer la banque d’idées',
    viewsLabel: 'Étape de la banque d’idées',
    views: {
      collect: 'Recueillir',
      sort: 'Classer',
      setup: 'Axes et critères',
      sieve: 'Tamis',
      vote: 'Vote',
      ranking: 'Classement',
    },
    // Collecting
    addTitle: 'Ajouter des idées',
    addHelp:
      'Une idée par ligne : vous pouvez coller d’un coup toutes les idées d’une pile de fiches. Sans noms de personnes.',
    ideasField: 'Idées (une par ligne)',
    ideasPlaceholder: 'Ex. : Un journal des usagers du CCAS\nDes permanences le samedi matin',
    sourceKind: 'Origine',
    kinds: {
      typed: 'Saisie directe',
      paper: 'Fiches papier',
      event: 'Événement',
      meeting: 'Rencontre',
    },
    sourceLabel: 'Événement, lieu ou lot de fiches (facultatif)',
    sourceLabelPlaceholder: 'Ex. : Fête de quartier Monplaisir',
    sourceDate: 'Date',
    fileInto: 'Classer directement dans',
    add: (n: number) => (n <= 1 ? 'Ajouter l’idée' : `Ajouter ces ${n} idées`),
    added: (n: number) => (n === 1 ? '1 idée ajoutée.' : `${n} idées ajoutées.`),
    tooLong: (max: number) => `Une ligne dépasse ${max} caractères : coupez-la en plusieurs idées.`,
    tooMany: (max: number) => `Pas plus de ${max} idées d’un coup.`,
    fromMeetingTitle: 'Depuis une rencontre',
    fromMeetingHelp:
      'Les propositions des ateliers d’une rencontre (hors corbeille) entrent dans la banque avec leur rencontre, leur atelier et leur date. Les envoyer deux fois ne crée pas de doublon.',
    meeting: 'Rencontre',
    send: 'Envoyer à la banque d’idées',
    sending: 'Envoi…',
    sent: (added: number, already: number) =>
      `${added === 0 ? 'Aucune nouvelle idée' : added === 1 ? '1 idée ajoutée' : `${added} idées ajoutées`}${already > 0 ? ` (${already} déjà dans la banque)` : ''}.`,
    sendFailed: 'Cette rencontre n’a pas pu être lue sur cet appareil. Réessayez.',
    notOnDevice:
      'Cette rencontre n’est pas encore sur cet appareil : ouvrez-la une fois avec le réseau.',
    noMeetings: 'Aucune rencontre dans le comité pour l’instant.',
    // Sorting
    search: 'Rechercher',
    searchPlaceholder: 'Un mot, un début de mot…',
    axisFilter: 'Axe',
    allAxes: 'Tous les axes',
    unsorted: 'À classer',
    axisOption: (n: number, name: string, count: number) => `${n}. ${name} (${count})`,
    unsortedOption: (count: number) => `À classer (${count})`,
    target: 'Classer d’un geste dans',
    noTarget: '— choisir un axe —',
    shown: (shown: number, total: number) =>
      shown === total
        ? `${total} idée${total > 1 ? 's' : ''}`
        : `${shown} idée${shown > 1 ? 's' : ''} affichée${shown > 1 ? 's' : ''} sur ${total}`,
    empty: 'Aucune idée pour l’instant : ajoutez-en dans « Recueillir ».',
    noMatch: 'Aucune idée ne correspond à ces filtres.',
    selectIdea: (text: string) => `Sélectionner « ${text} »`,
    fileInAxis: (name: string) => `Classer dans « ${name} »`,
    axisShort: (n: number) => `Axe ${n}`,
    inAxis: 'Déjà dans cet axe',
    chooseAxis: 'Classer…',
    selected: (n: number) => `${n} sélectionnée${n > 1 ? 's' : ''}`,
    selectShown: (n: number) => `Tout sélectionner (${n})`,
    clearSelection: 'Désélectionner',
    moveSelection: (name: string) => `Classer la sélection dans « ${name} »`,
    moveSelectionNoTarget: 'Choisissez d’abord un axe ci-dessus',
    groupSelection: 'Regrouper (doublons)',
    binSelection: 'Mettre à la corbeille',
    groupOf: (n: number) => `Regroupement de ${n} idées`,
    // Detail
    detailTitle: 'Idée',
    text: 'Texte',
    wording: 'Formulation commune',
    save: 'Enregistrer',
    closeDetail: 'Fermer',
    axis: 'Axe',
    origins: 'Idées d’origine',
    origin: 'Origine',
    leaveGroup: 'Sortir du regroupement',
    ungroup: 'Dégrouper',
    bin: (n: number) => `Corbeille (${n})`,
    restore: 'Restaurer',
    toBin: 'Mettre à la corbeille',
    // Duplicates
    duplicates: (n: number) => (n === 0 ? 'Pas de doublon probable' : `Doublons possibles (${n})`),
    duplicatesHelp:
      'Idées aux mots très proches. Cochez celles qui disent la même chose et regroupez-les : chacune garde son texte et son origine.',
    hideDuplicates: 'Revenir à la liste',
    joinsGroup: (text: string) => `Rejoint le regroupement « ${text} »`,
    group: 'Regrouper',
    groupWording: 'Formulation commune',
    showMore: 'Afficher plus',
    // Axes and criteria
    axesTitle: 'Axes de travail',
    axesHelp:
      'Les huit axes d’Angers sont proposés : renommez-les, retirez-les ou ajoutez les vôtres. Retirer un axe renvoie ses idées « à classer », sans les perdre.',
    criteriaTitle: 'Critères du tamis',
    criteriaHelp:
      'Chaque idée est passée au tamis de chaque critère : oui, non ou à voir. Une idée passe le tamis avec « oui » partout.',
    name: 'Nom',
    question: 'Question posée',
    moveUp: 'Monter',
    moveDown: 'Descendre',
    remove: 'Retirer',
    removed: 'Retirés',
    restoreNamed: 'Restaurer',
    newAxis: 'Nouvel axe',
    newCriterion: 'Nouveau critère',
    addAxis: '+ Ajouter l’axe',
    addCriterion: '+ Ajouter le critère',
    axisCount: (n: number) => (n === 0 ? 'aucune idée' : n === 1 ? '1 idée' : `${n} idées`),
    // Sieve
    sieveHelp:
      'Pour chaque idée et chaque critère : oui, non ou à voir, avec une courte justification (elle sera redite aux participants).',
    sieveFilter: 'Afficher',
    sieveFilters: {
      pending: (n: number) => `À passer au tamis (${n})`,
      pass: (n: number) => `Passent le tamis (${n})`,
      fail: (n: number) => `Écartées (${n})`,
      all: (n: number) => `Toutes (${n})`,
    },
    answers: { yes: 'Oui', no: 'Non', maybe: 'À voir' },
    status: { pass: 'Passe le tamis', fail: 'Écartée', pending: 'À passer au tamis' },
    note: 'Justification',
    notePlaceholder: 'En quelques mots…',
    page: (n: number, total: number) => `Page ${n} sur ${total}`,
    previousPage: '← Précédentes',
    nextPage: 'Suivantes →',
    noCriteria: 'Aucun critère : toutes les idées passent le tamis.',
    // Votes
    voteHelp:
      'Le vote porte sur les idées qui passent le tamis. Choisissez le collège qui vote, puis saisissez le nombre de voix de chaque idée. Chaque personne qui compte saisit sur son appareil : les comptages sont comparés.',
    votingCollege: 'Collège qui vote',
    colleges: COLLEGE,
    votesFor: (college: string) => `Voix : ${college}`,
    votes: 'Voix',
    noCandidates: 'Aucune idée ne passe encore le tamis : passez les idées au tamis avant le vote.',
    // Ranking
    weights: 'Poids des collèges',
    weightsHelp:
      'Chaque collège pèse autant, quel que soit son nombre de votants : on compare la part des voix du collège obtenue par chaque idée, puis on fait la moyenne. Un poids de 2 compte ce collège double.',
    weightOf: (college: string) => `Poids : ${college}`,
    votedColleges: (names: string) => `Ont voté : ${names}`,
    notVoted: (names: string) => `Pas encore voté (non compté) : ${names}`,
    collegeVotes: (name: string, n: number) => `${name} (${n} voix)`,
    collegeResult: (name: string, votes: number, share: string) => `${name} ${votes} · ${share}`,
    collegeNone: (name: string) => `${name} —`,
    score: (share: string) => `Score ${share}`,
    choose: 'Choisir comme chantier',
    chosen: 'Chantier — au tableau de suivi',
    chosenCount: (n: number) =>
      n === 0
        ? 'Aucun chantier choisi pour l’instant.'
        : `${n} chantier${n > 1 ? 's' : ''} choisi${n > 1 ? 's' : ''} : ${n > 1 ? 'ils sont' : 'il est'} dans le tableau de suivi.`,
    rankingEmpty: 'Pas encore de vote : le classement apparaît dès les premières voix.',
    // Sources, as shown in lists and in the tableau de suivi
    sourceOf: {
      typed: (label: string) => (label ? `Saisie directe — ${label}` : 'Saisie directe'),
      paper: (label: string) => (label ? `Fiches papier — ${label}` : 'Fiches papier'),
      event: (label: string) => label || 'Événement',
      meeting: (label: string, atelier: string) => (atelier ? `${label} — ${atelier}` : label),
    },
  },
} as const)
