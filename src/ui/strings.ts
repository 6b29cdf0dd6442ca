/** Every word the app shows, in French, in one place. Nothing technical reaches an usager. */
export const t = {
  appName: 'Tandem',
  tagline: 'Ateliers et restitution des comités des usagers — même sans réseau',

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
    needTitle: 'Donnez un titre à la rencontre.',
    needAteliers: 'Il faut au moins deux ateliers, chacun avec un nom.',
    known: 'Sur cet appareil',
    noneKnown: 'Aucune rencontre ouverte sur cet appareil pour l’instant.',
    open: 'Ouvrir',
    forget: 'Retirer de cet appareil',
    join: 'Rejoindre avec un lien',
    joinPlaceholder: 'Collez ici le lien reçu',
    joinButton: 'Rejoindre',
    kind: { meeting: 'Coordination', atelier: 'Atelier', projection: 'Projection' },
  },

  meeting: {
    linksTitle: 'Liens à ouvrir sur les tablettes',
    linksHelp:
      'Chaque binôme ouvre le lien de son atelier sur sa tablette. Le lien de projection s’ouvre sur l’ordinateur relié au vidéoprojecteur : il ne permet pas de modifier.',
    atelierLink: 'Lien de l’atelier',
    projectionLink: 'Lien de projection (lecture seule)',
    copy: 'Copier',
    copied: 'Copié',
    openHere: 'Ouvrir ici',
    proposalsCount: (n: number) =>
      n === 0 ? 'aucune proposition' : n === 1 ? '1 proposition' : `${n} propositions`,
    addAtelier: 'Ajouter un atelier',
    newAtelierName: 'Nom du nouvel atelier',
    keepSecret:
      'Ces liens donnent accès à la rencontre : ne les partagez qu’avec les binômes et l’équipe.',
  },

  atelier: {
    views: { facilitator: 'Animation', reporter: 'Notes et propositions', attendance: 'Présence' },
    viewsLabel: 'Vue',
    unknownAtelier: 'Cet atelier n’existe pas dans cette rencontre.',
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
    moveUp: 'Monter',
    moveDown: 'Descendre',
    delete: 'Mettre à la corbeille',
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
    transmittedAt: (time: string) => `Transmis à la plénière à ${time}`,
    undo: 'Annuler ma dernière action',
    redo: 'Rétablir',
    // Attendance
    attendance: 'Présence dans l’atelier',
    attendanceHelp: 'Des nombres seulement, jamais de noms.',
    colleges: {
      usagerNew: 'Usagers — première fois',
      usagerReturning: 'Usagers — déjà venus',
      agent: 'Agents du CCAS',
      partner: 'Partenaires, associations',
      elected: 'Élus',
      other: 'Autres',
    },
    total: (n: number) => `Total : ${n} personne${n > 1 ? 's' : ''}`,
    increment: (college: string) => `Ajouter une personne : ${college}`,
    decrement: (college: string) => `Retirer une personne : ${college}`,
  },

  projection: {
    title: 'Restitution',
    empty: 'En attente des propositions des ateliers…',
  },

  sync: {
    synced: 'Synchronisé',
    connecting: 'Connexion…',
    offline: 'Hors ligne',
    refused: 'Lien refusé',
    savedHere: 'Tout est enregistré sur cet appareil',
    pending: 'Modifications en attente d’envoi',
    never: 'jamais synchronisé',
    neverSynced:
      'Cette tablette n’a encore jamais été synchronisée : son travail n’existe que sur elle.',
    lastSynced: (ago: string) => `dernière synchro ${ago}`,
    justNow: 'à l’instant',
    minutesAgo: (n: number) => `il y a ${n} min`,
    hoursAgo: (n: number) => `il y a ${n} h`,
    at: (time: string) => `à ${time}`,
  },

  gate: {
    loading: 'Ouverture de la rencontre…',
    waiting: 'En attente de la rencontre',
    waitingHelp:
      'Cette tablette n’a pas encore reçu la rencontre. Connectez-la une fois au réseau de la salle : ensuite, elle fonctionnera sans réseau.',
    invalidLink: 'Lien invalide ou expiré',
    invalidLinkHelp:
      'Ce lien ne permet pas d’ouvrir une rencontre. Demandez à la coordination de vous renvoyer le lien.',
    home: 'Retour à l’accueil',
    readOnly: 'Lecture seule',
  },

  device: {
    title: 'Cet appareil',
    persisted: 'Les données sont protégées sur cet appareil.',
    notPersisted:
      'Le navigateur pourrait effacer les données si la place manque : installez l’application sur l’écran d’accueil.',
    storageError:
      'Impossible d’enregistrer sur cet appareil (stockage plein ou bloqué). Ne fermez pas la page et prévenez la coordination.',
    offlineReady: 'Application prête à fonctionner sans réseau.',
    notOfflineYet: 'Chargement de l’application pour le mode hors ligne…',
    insecure:
      'Cette adresse n’est pas sécurisée : l’application ne pourra pas s’ouvrir sans réseau. Utilisez l’adresse https fournie par la coordination.',
  },

  update: {
    available: 'Nouvelle version disponible',
    apply: 'Mettre à jour',
    later: 'Plus tard',
  },
} as const
