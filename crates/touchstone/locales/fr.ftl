# Messages en français (syntaxe Fluent : https://projectfluent.org/). Mêmes identifiants et
# mêmes variables que en.ftl ; un test le vérifie. Espace insécable avant « : », fine avant « ; ! ? ».

## nav

nav-label = Menu principal
nav-home = Accueil
nav-organisations = Organisations
nav-users = Utilisateurs
nav-audit = Journal d'audit
nav-account = Mon compte
nav-sign_out = Se déconnecter
nav-inbox = Notifications
nav-unread = non lues
nav-notifications = Webhooks
nav-api = API
nav-menu = Menu
nav-skip = Aller au contenu

## footer

footer-tagline = Touchstone — distinguer ensemble l'authentique de la contrefaçon.

## error

error-picture_in_use = Un indice du guide montre cette image : retirez d'abord cet indice.
errorpage-title = Quelque chose ne va pas
errorpage-back_home = Retour à l'accueil
error-invalid_credentials = L'adresse e-mail ou le mot de passe est incorrect. Après plusieurs échecs de suite, un compte est verrouillé pendant un moment ; réessayez ensuite, ou adressez-vous à votre administrateur.
error-second_factor_locked = Trop de codes erronés : cette connexion est terminée et le compte est verrouillé pendant un moment ; reconnectez-vous plus tard, ou demandez à un administrateur de le réinitialiser.
error-csrf_failed = Ce formulaire a expiré ou ne provient pas de Touchstone ; rechargez la page et réessayez.
error-invalid_form = Le formulaire n'était pas complet ; rechargez la page et remplissez-le de nouveau.
error-page_not_found = Il n'y a pas de page à cette adresse.
error-internal = Un problème est survenu de notre côté. Il a été consigné ; veuillez réessayer.
error-unauthenticated = Connectez-vous, ou envoyez un jeton valide dans l'en-tête Authorization.
error-unknown_field = Le JSON nomme un champ que cette requête ne prend pas ; vérifiez les noms des champs dans la référence de l'API.
error-corrupt_file = Le fichier est endommagé ou incomplet ; enregistrez-le ou exportez-le de nouveau, puis renvoyez-le.
error-duplicate_gtin = Ce GTIN figure sur plusieurs lignes du fichier ; gardez-le pour un seul produit.
error-empty_file = Le fichier est vide ; choisissez de nouveau le fichier et renvoyez-le.
error-gs1_prefix_taken = L'un de ces préfixes d'entreprise GS1 est déjà enregistré pour une autre marque.
error-image_not_found = L'image que nomme cette ligne n'est pas dans le dossier de l'import ; vérifiez son nom et son chemin.
error-image_unreadable = L'image que nomme cette ligne est illisible ; enregistrez-la de nouveau en JPEG, PNG ou WebP.
error-invalid_data_uri = L'image est donnée par une URI data: illisible ; donnez-la en base64 après « ;base64, ».
error-invalid_domain = Ce n'est pas un domaine web ; écrivez-le sous la forme exemple.fr.
error-invalid_flag = Écrivez oui ou non (yes/no, true/false) dans cette colonne.
error-invalid_gs1_prefix = Un préfixe d'entreprise GS1 compte de 6 à 12 chiffres ; vérifiez le préfixe.
error-invalid_gs1_value = Cette valeur n'est pas valide pour son identifiant d'application GS1 ; recopiez-la telle qu'imprimée après son AI.
error-invalid_iban = Ce n'est pas un IBAN valide ; vérifiez le code pays et les chiffres.
error-invalid_image_entry = Écrivez chaque image sous la forme étiquette:fichier, séparées par |, par exemple genuine:pictures/tote.png.
error-invalid_image_label = L'étiquette d'une image est genuine, counterfeit, packaging ou security_feature.
error-invalid_imo_number = Ce n'est pas un numéro OMI de navire ; écrivez IMO et ses sept chiffres.
error-invalid_json = Cette ligne n'est pas du JSON valide ; vérifiez ses guillemets, virgules et accolades.
error-invalid_row = Cette ligne ne peut pas être importée ; corrigez le champ que nomme le rapport.
error-malformed_row = Cette ligne est illisible ; vérifiez ses guillemets et ses séparateurs.
error-not_your_brand = Cette marque appartient à une autre organisation ; n'importez que les produits de vos marques.
error-path_not_allowed = Ici, les images viennent du dossier de l'import ; donnez un chemin dans ce dossier, ou envoyez l'image elle-même.
error-path_outside_import_dir = Ce chemin sort du dossier de l'import ; nommez un fichier qui s'y trouve.
error-too_many_pixels = Cette image a beaucoup trop de pixels pour être lue ; envoyez une photo ordinaire.
error-unreadable_line = Cette ligne ne peut pas être lue comme du texte ; enregistrez le fichier en UTF-8.
error-wrong_column_count = Cette ligne a plus ou moins de cellules que l'en-tête ; vérifiez ses séparateurs.
error-forbidden = Votre organisation et votre rôle ne permettent pas cette action.
error-not_found = Cet élément n'existe pas, ou vous n'avez pas le droit de le voir.
error-invalid_email = Ce n'est pas une adresse e-mail ; écrivez-la sous la forme nom@exemple.org.
error-invalid_country = Ce n'est pas un code pays ISO 3166-1 alpha-2 ; utilisez deux lettres comme FR, DE ou US.
error-password_too_short = Choisissez un mot de passe d'au moins 12 caractères ; quelques mots sans rapport entre eux conviennent bien.
error-password_too_common = Ce mot de passe fait partie des plus utilisés ; choisissez-en un autre.
error-invalid_second_factor = Ce code est incorrect ; saisissez les 6 chiffres que votre application d'authentification affiche maintenant.
error-account_deactivated = Ce compte a été désactivé ; adressez-vous à l'administrateur de votre organisation.
error-required = Remplissez ce champ.
error-role_not_allowed = Seuls les administrateurs de la plateforme créent des administrateurs de la plateforme, et seulement dans l'organisation opératrice.
error-invalid_email_domain = Ce n'est pas un domaine de messagerie ; écrivez ce qui suit le @, par exemple douane.gouv.fr.
error-email_domain_taken = Ce domaine de messagerie appartient à une autre organisation, ou une autre organisation y a des comptes ; un compte à un domaine vérifié appartient à l'organisation du domaine.
error-email_outside_domains = Les comptes de votre organisation ne se créent qu'à ses domaines de messagerie vérifiés ; pour un autre domaine, demandez à l'administrateur de la plateforme de le vérifier.
error-email_domain_of_another_organisation = Cette adresse est à un domaine vérifié d'une autre organisation ; un compte à ce domaine appartient à cette organisation.
error-unknown_organisation = Choisissez une organisation à laquelle vous pouvez ajouter des utilisateurs.
error-version_conflict = Quelqu'un a modifié ceci entre-temps ; rechargez la page, vérifiez les changements et recommencez.
error-invalid_transition = Cette étape n'est pas possible dans l'état actuel du dossier ; les boutons de la page montrent les étapes possibles.
error-answers_pending = La destruction suppose l'accord des parties ou la fin de leurs délais ; toutes les réponses ne sont pas arrivées.
error-nothing_to_answer = Aucune question ne vous attend sur ce dossier.
error-already_answered = Il a été répondu à cette question entre-temps ; rechargez le dossier.
error-not_awaiting_answers = Ce dossier n'attend plus de réponse.
error-no_extension = Aucune prolongation possible : elle a déjà été utilisée, le délai est passé, les marchandises sont périssables, ou le régime n'en prévoit pas.
error-invalid_quantity = Chaque quantité doit être un nombre positif.
error-brand_required = Indiquez la marque de chaque ligne : un produit ou une marque du catalogue, ou la marque telle qu'écrite sur les marchandises.
error-idempotency_key_reused = Ce formulaire a déjà servi à enregistrer un dossier ; vérifiez-le et envoyez-le à nouveau pour en enregistrer un nouveau.
error-thread_required = Ce dossier concerne plusieurs titulaires de droits ; choisissez le fil dans lequel écrire.
error-nothing_to_match = Indiquez au moins une marque, un produit, une partie suspecte, un conteneur, un document de transport ou un code SH, pour que les dossiers puissent être rapprochés.
error-answer_required = Choisissez une réponse.
error-invalid_container_number = Ce numéro de conteneur n'est pas valide : 4 lettres, 6 chiffres et la clé de contrôle ISO 6346, par ex. MSKU 907032-3.
error-invalid_air_waybill = Ce numéro de lettre de transport aérien n'est pas valide : 11 chiffres avec la clé de contrôle, par ex. 020-12345675.
error-invalid_date = Indiquez la date sous la forme AAAA-MM-JJ.
error-invalid_period = L'alerte doit se terminer le jour où elle commence ou après.
error-webhook_address_not_public = Cette adresse est sur un réseau local ou privé ; indiquez l'adresse que votre système destinataire a sur internet.
error-invalid_time_zone = Ce n'est pas un fuseau horaire ; choisissez-en un dans la liste, par exemple Europe/Paris.
error-office_too_long = Un code de bureau compte au plus { $code_max } caractères et un nom de bureau au plus { $name_max }.
error-invalid_language = Choisissez l'une des langues que propose le menu.
error-already_acknowledged = Cette concordance a déjà été prise en compte.
error-answer_not_allowed = Cette partie ne peut pas donner cette réponse ; choisissez l'une des réponses que propose la page du dossier.
error-brand_not_published = Publiez d'abord la marque : les agents trouvent les produits par leur marque.
error-case_not_editable = Ce dossier ne peut plus être modifié dans son état actuel.
error-case_type_fixed = Le type de dossier ne peut plus changer une fois les marchandises retenues.
error-contact_unreachable = Indiquez un numéro de téléphone ou une adresse e-mail pour le point de contact : c'est ainsi que l'autre service le joint.
error-contradictory_markets = Un pays ne peut pas être à la fois un marché où le produit est vendu exclusivement et un marché où il n'est jamais vendu.
error-email_taken = Un utilisateur avec l'adresse e-mail { $email } existe déjà.
error-empty_body = Envoyez le fichier à importer comme corps de la requête.
error-file_too_large = Ce fichier dépasse la taille que le serveur accepte ; envoyez-en un plus petit.
error-grant_revoked = Cet accès a été révoqué ; accordez-en plutôt un nouveau.
error-gtin_taken = L'un de ces GTIN appartient déjà à un autre produit.
error-invalid_action = Choisissez une étape que le dossier permet.
error-invalid_attachment = Ne joignez que des fichiers envoyés sur Touchstone (20 au plus).
error-invalid_bill_of_lading = Ce n'est pas un numéro de connaissement ; écrivez-le tel qu'imprimé, lettres et chiffres.
error-invalid_body = La requête n'a pas la forme attendue ; vérifiez-la à l'aide de la référence de l'API.
error-invalid_characters = Retirez les caractères de contrôle (tabulations, sauts de ligne).
error-invalid_company = Indiquez le nom de la société.
error-invalid_count = Envoyez de 1 à 5 000 cibles à la fois.
error-invalid_currency = Indiquez la devise sous forme de code ISO 4217, par exemple EUR ou USD.
error-invalid_event_kind = Choisissez la nature de l'action prévue.
error-invalid_expiry = Ce n'est pas une date d'expiration ; écrivez-la sous la forme AAMMJJ ou AAAA-MM-JJ.
error-invalid_gtin = Ce n'est pas un GTIN : 8, 12, 13 ou 14 chiffres avec une clé de contrôle valide.
error-invalid_hs_code = Ce n'est ni un chapitre SH (2 chiffres), ni une position (4), ni une sous-position (6).
error-invalid_idempotency_key = L'en-tête Idempotency-Key ne doit contenir que des caractères ASCII visibles.
error-invalid_key = Cette clé n'est pas utilisable ; employez de 1 à 80 lettres minuscules, chiffres, « - », « _ » ou « . ».
error-invalid_label = Choisissez l'une des étiquettes que propose le formulaire.
error-invalid_latitude = La latitude doit être comprise entre -90 et 90.
error-invalid_longitude = La longitude doit être comprise entre -180 et 180.
error-invalid_media_reference = Désignez un fichier enregistré par son empreinte de 64 caractères.
error-invalid_mode = Choisissez l'un des modes que propose le formulaire.
error-invalid_nice_class = La classe de Nice { $class } n'existe pas ; les classes vont de 1 à 45.
error-invalid_number = Ce n'est pas un nombre.
error-invalid_organisation_kind = Choisissez l'un des types d'organisation que propose le formulaire.
error-invalid_outcome = Indiquez si vous poursuivez, si vous vous retirez ou si vous travaillez ensemble.
error-invalid_path = L'adresse n'est pas valide ; vérifiez-la et réessayez.
error-invalid_phone = Ce n'est pas un numéro de téléphone ; écrivez-le avec l'indicatif du pays, par exemple +33 1 23 45 67 89.
error-invalid_photo = Ne joignez que des photos envoyées sur Touchstone (50 au plus).
error-invalid_plate = Ce n'est pas une plaque d'immatriculation.
error-invalid_price = Les prix sont des nombres positifs.
error-invalid_procedure = Choisissez importation, exportation ou transit.
error-invalid_query = Les paramètres de l'adresse ne sont pas valides ; vérifiez-les à l'aide de la référence de l'API.
error-invalid_radius = Le rayon doit être compris entre 1 et 10 000 mètres ; couvrez une zone plus vaste avec plusieurs actions.
error-invalid_reference = Ce n'est pas une référence que Touchstone connaît ; vérifiez comment elle est écrite.
error-invalid_role = Choisissez l'un des rôles que propose le formulaire.
error-invalid_sector = Choisissez l'un des secteurs que propose le formulaire.
error-invalid_side = Indiquez si cet indice est celui d'un produit authentique ou d'une contrefaçon.
error-invalid_state = Choisissez l'un des états de dossier que propose la liste.
error-invalid_status = Choisissez l'un des statuts proposés.
error-invalid_target_kind = Choisissez la nature de cet identifiant.
error-invalid_text = Ce texte est trop long ou contient des caractères qui ne sont pas du texte ; raccourcissez-le.
error-invalid_time = Ce n'est pas une date et une heure ; écrivez-les sous la forme 2026-12-01T06:00:00Z, ou utilisez le champ de date.
error-invalid_token_lifetime = Un jeton est valable de 1 à 365 jours.
error-invalid_transport_mode = Choisissez un mode de transport.
error-invalid_value = Une valeur déclarée doit être positive ou nulle.
error-invalid_verification_url = Ce n'est pas une adresse à laquelle joindre un service de vérification : utilisez une adresse https:// publique, avec un hôte et sans identifiants.
error-invalid_webhook_url = Ce n'est pas une adresse à laquelle des webhooks peuvent être envoyés : utilisez une adresse https:// publique.
error-invalid_weight = Le poids d'un indice va de 1 (un simple indice) à 5 (concluant).
error-invalid_window = Une action prévue se termine après son début et dure 30 jours au plus.
error-key_taken = La clé « { $key } » est déjà utilisée ; choisissez-en une autre.
error-line_too_long = La ligne { $line } est trop longue ; mettez un seul numéro de série par ligne.
error-malformed_csv = La première ligne du fichier CSV, qui nomme les colonnes, ne peut pas être lue.
error-malformed_json = La requête n'est pas du JSON valide.
error-method_not_allowed = Ce point d'accès n'accepte pas cette méthode ; consultez /api/v1/openapi.json.
error-missing_column = La colonne « { $column } » manque dans le fichier CSV.
error-missing_columns = Des colonnes nécessaires manquent dans le fichier CSV ; sa première ligne nomme les colonnes.
error-no_enrolment = Commencez d'abord l'enrôlement du second facteur.
error-no_small_consignment_procedure = Le cadre juridique de ce bureau ne prévoit pas de procédure pour les petits envois ; enregistrez un dossier en procédure normale.
error-no_such_endpoint = Ce point d'accès n'existe pas ; consultez /api/v1/openapi.json.
error-not_a_representative = Les marques ne peuvent être déléguées qu'à des organisations de représentation.
error-not_a_rights_holder = Les marques appartiennent à des organisations titulaires de droits.
error-not_an_agency = Les dossiers se partagent avec un autre service répressif (police, autre autorité de contrôle).
error-not_customs = L'accès est accordé par une administration des douanes.
error-office_country_fixed = Le pays du bureau détermine le cadre juridique et ne peut pas changer ; enregistrez un nouveau dossier.
error-organisation_exists = Une organisation nommée « { $name } » existe déjà ; choisissez un autre nom.
error-out_of_range = Ce nombre est en dehors de la plage autorisée ici.
error-outcome_required = Choisissez la décision : destruction, action en justice ou mainlevée.
error-owner_only = Seul le titulaire de droits lui-même choisit qui voit ses parties confidentielles.
error-password_too_long = Choisissez un mot de passe de moins de 1 024 octets.
error-payload_too_large = La requête dépasse la taille que ce serveur accepte ; envoyez moins de données à la fois.
error-period_too_long = Une alerte est valable trois ans au plus ; publiez-en une nouvelle ensuite.
error-processing_timeout = La lecture de cette photo a pris trop de temps ; envoyez une photo plus légère du code-barres.
error-rate_limited = Trop de requêtes ; patientez un instant et réessayez.
error-request_closed = Cette demande est close ou provient d'un autre service.
error-serial_or_batch = Indiquez soit un numéro de série, soit un lot dont le statut change.
error-too_large = C'est trop volumineux ; envoyez quelque chose de plus petit.
error-too_long = C'est trop long ; raccourcissez-le.
error-too_many = Cette liste est trop longue ; retirez quelques entrées.
error-too_many_sign_in_attempts = Trop de tentatives de connexion depuis votre adresse ; patientez { $seconds } secondes et réessayez.
error-unknown_batch = Aucun numéro de série de ce lot n'est enregistré pour ce produit.
error-unknown_brand = Aucune marque publiée ne porte ce numéro.
error-unknown_column = Le fichier CSV contient une colonne que Touchstone ne connaît pas : « { $column } ».
error-unknown_entry = Cet élément ne figure plus dans le brouillon ; rechargez la page.
error-unknown_hs_code = Ce chapitre SH n'existe pas ; les chapitres vont de 01 à 97 (le 77 est réservé).
error-unknown_indicator = Cet indice ne figure plus dans le guide ; rechargez la page.
error-unknown_media = Cette image ne figure plus dans la galerie ; rechargez la page.
error-unknown_product = Ce n'est pas un numéro de produit.
error-unknown_serial = Aucun numéro de série correspondant n'est enregistré pour ce produit.
error-unknown_thread = Ce dossier n'a pas de fil avec cette organisation : il ne concerne aucune de ses marques.
error-unreadable = Le fichier n'a pas pu être lu jusqu'au bout ; envoyez-le à nouveau.
error-unsupported_media_type = Envoyez du contenu text/csv ou application/x-ndjson, ou précisez ?format=csv ou ?format=jsonl.
error-unsupported_type = Ce type de fichier n'est pas accepté ici ; le formulaire indique lesquels le sont.

## signin

signin-title = Connexion
signin-intro = Touchstone s'adresse aux agents des autorités et aux titulaires de droits. Connectez-vous avec le compte fourni par votre organisation.
signin-email = Adresse e-mail
signin-password = Mot de passe
signin-submit = Se connecter

## second_factor

second_factor-title = Second facteur
second_factor-intro = Saisissez le code à 6 chiffres que votre application d'authentification affiche pour Touchstone.
second_factor-code = Code
second_factor-submit = Vérifier

## home

home-title = Accueil
home-welcome = Bienvenue, { $name }
home-organisation = Organisation
home-role = Rôle
home-next = Que souhaitez-vous faire ?
home-manage_account = Gérer mon compte, ma langue et mes jetons d'API
home-manage_users = Gérer les utilisateurs de mon organisation
home-read_audit = Consulter le journal d'audit
home-api = Consulter la référence de l'API

## account

account-title = Mon compte
account-must_enrol = Votre organisation exige un second facteur : configurez-le ci-dessous avant de continuer.
account-language = Langue
account-save = Enregistrer
account-password = Mot de passe
account-current_password = Mot de passe actuel
account-new_password = Nouveau mot de passe
account-password_rules = Au moins 12 caractères, et pas un mot de passe courant.
account-change_password = Changer le mot de passe
account-second_factor = Second facteur (application d'authentification)
account-enrol_instructions = Ajoutez cette clé à votre application d'authentification (ou importez le lien ci-dessous), puis saisissez le code affiché.
account-confirm_second_factor = Activer le second facteur
account-second_factor_on = Un second facteur est activé pour votre compte.
account-second_factor_off = Aucun second facteur n'est configuré.
account-start_second_factor = Configurer une nouvelle application
account-tokens = Jetons d'API
account-token_created = Votre nouveau jeton figure ci-dessous. Copiez-le maintenant : il ne sera plus affiché.
account-token_name = Nom du jeton
account-token_days = Validité (jours)
account-create_token = Créer un jeton
account-token_prefix = Commence par
account-token_expires = Expire le
account-revoke = Révoquer
account-inactive = Révoqué ou expiré
account-office = Mon bureau de douane
account-office_hint = Le formulaire de retenue commence avec ce bureau. Laissez-le vide si vous travaillez dans plusieurs bureaux.
account-save_office = Enregistrer mon bureau

## account.done

account-done-password = Votre mot de passe a été changé, et vos autres sessions sont terminées (vos jetons d'API sont listés ci-dessous : révoquez ceux auxquels vous ne faites plus confiance).
account-done-language = Votre langue a été enregistrée.
account-done-office = Votre bureau a été enregistré.
account-done-token_revoked = Le jeton a été révoqué.
account-done-second_factor = Le second facteur est maintenant activé.
account-time_zone = Fuseau horaire
account-time_zone_default = Le fuseau de mon pays ({ $zone })

## orgs

orgs-title = Organisations
orgs-name = Nom
orgs-kind = Type
orgs-country = Pays
orgs-create = Créer l'organisation
orgs-country_help = Deux lettres, ISO 3166-1 (FR, DE, US…).
orgs-email_domains = Domaines de messagerie
orgs-set_email_domains = Enregistrer
orgs-email_domains_help = Les domaines des adresses de l’organisation, séparés par des virgules (douane.gouv.fr). Ses administrateurs ne créent de comptes qu’à ces domaines.

## users

users-title = Utilisateurs
users-issued = Mot de passe initial de { $email }. Transmettez-le par un autre canal ; il n'est affiché qu'une fois :
users-email = Adresse e-mail
users-name = Nom
users-organisation = Organisation
users-role = Rôle
users-status = État
users-deactivated = Désactivé
users-locked = Verrouillé
users-active = Actif
users-deactivate = Désactiver
users-reactivate = Réactiver
users-reset = Réinitialiser mot de passe et second facteur
users-reset_ended = Son second facteur est effacé, toutes ses sessions sont terminées et tous ses jetons d'API sont révoqués : les intégrations qui en utilisaient un ont besoin d'un nouveau jeton.
users-create = Créer l'utilisateur

## audit

audit-title = Journal d'audit
audit-intro = Chaque connexion, modification et consultation sensible, les plus récentes d'abord. Chaque enregistrement est chaîné au précédent, de sorte que toute altération peut être détectée.
audit-when = Quand
audit-who = Qui
audit-action = Action
audit-target = Cible
audit-detail = Détails
audit-older = Enregistrements plus anciens

## api

api-title = Référence de l'API
api-intro = La description lisible par machine (OpenAPI 3.1) se trouve à
api-auth = Authentifiez-vous avec un jeton porteur créé dans Mon compte : Authorization: Bearer ts_…
api-method = Méthode
api-path = Chemin
api-summary = Ce qu'elle fait
api-reference_in_english = Les résumés ci-dessous viennent du document OpenAPI, rédigé en anglais.

## role

role-officer = Agent
role-analyst = Analyste
role-coordinator = Coordinateur
role-org_admin = Administrateur de l'organisation
role-platform_admin = Administrateur de la plateforme

## kind

kind-customs = Administration des douanes
kind-police = Police
kind-other_enforcement = Autre autorité de contrôle
kind-rights_holder = Titulaire de droits
kind-representative = Représentant
kind-operator = Opérateur de la plateforme

## language

language-en = Anglais
language-fr = Français
language-es = Espagnol
language-ar = Arabe

## catalog

catalog-nav = Catalogue
catalog-home_card = Consulter les marques et leurs produits authentiques
catalog-title = Catalogue
catalog-intro_enforcement = Les marques dont les titulaires publient l'aspect de leurs produits authentiques. Ouvrez une marque, puis un produit, pour comparer avec ce que vous contrôlez.
catalog-intro_own = Les marques dont vous vous occupez. Les agents ne voient que ce que vous publiez.
catalog-search = Rechercher
catalog-search_label = Nom de la marque
catalog-search_hint = Une partie du nom ; les accents et les majuscules ne comptent pas.
catalog-sector = Secteur
catalog-sector_title = Le secteur { $sector }
catalog-sector_size = Fiches produit publiées dans ce secteur : { $cards } (marques : { $brands }).
catalog-sector_too_many = Ce secteur compte plus de fiches qu'un téléphone ne peut en garder : gardez ses marques une à une, depuis leur page.
catalog-sector_brands_link = Les marques de ce secteur
catalog-sector_cards_link = Toutes les fiches de ce secteur, à garder sur ce téléphone
catalog-all_sectors = Tous les secteurs
catalog-clear = Effacer la recherche
catalog-no_match = Aucune marque ne correspond à votre recherche.
catalog-empty = Il n'y a encore aucune marque à afficher.
catalog-product_count = Produits : { $count }
catalog-draft = Brouillon
catalog-published = Publié
catalog-unpublished_changes = Modifications non publiées
catalog-pages = Pages
catalog-previous = Page précédente
catalog-next = Page suivante
catalog-page = Page { $page }
catalog-all_brands = Toutes les marques
catalog-aliases = Autres graphies
catalog-trademarks = Marques déposées
catalog-tm_office = Office
catalog-tm_number = Numéro
catalog-tm_classes = Classes de Nice
catalog-tm_expires = Expiration
catalog-no_trademarks = Aucun dépôt de marque indiqué pour l'instant.
catalog-contacts = Contacts
catalog-reach_title = Qui appeler
catalog-call = Appeler
catalog-write = Écrire un e-mail
catalog-all_contacts = Tous les contacts
catalog-your_photo = Votre photo
catalog-your_photo_alt = La photo prise sur la page Identifier
catalog-your_photo_dismiss = Masquer ma photo
catalog-contacts_intro = Appelez ou écrivez à ces personnes pour confirmer un soupçon ; le contact de votre pays est en premier.
catalog-everywhere = Tous pays
catalog-contact_for = Pour
catalog-languages = Langues
catalog-hours = Horaires
catalog-phone = Téléphone
catalog-email = Courriel
catalog-no_contacts = Aucun contact indiqué pour l'instant.
catalog-products = Produits
catalog-category = Catégorie
catalog-no_products = Aucun produit à afficher pour l'instant.
catalog-own_note = Vous consultez votre version de travail. Les agents ne voient que la version publiée.
catalog-publish_brand = Publier la marque
catalog-publish_product = Publier
catalog-publish_hint = Publier copie le brouillon actuel dans ce que voient les agents.
catalog-published_done = Publié : les agents voient désormais cette version.
catalog-preview = Aperçu tel qu'un agent le voit
catalog-preview_note = Voici votre brouillon actuel, sections confidentielles comprises. Les agents voient la version publiée, et vos sections confidentielles seulement s'ils font partie du public que vous avez choisi.
catalog-not_published = Pas encore publié : les agents ne voient pas ce produit.
catalog-published_at = Publié le { $date }
catalog-brand = Marque
catalog-identification = Identification
catalog-gtins = GTIN (codes-barres)
catalog-model_numbers = Références du modèle
catalog-hs_code = Code SH
catalog-packaging = Emballage
catalog-description = Description
catalog-markets = Marchés
catalog-only_sold_in = Vendu uniquement dans
catalog-never_sold_in = Jamais vendu dans — une marchandise déclarée pour ces marchés est suspecte
catalog-pictures = Photos
catalog-no_pictures = Pas encore de photos.
catalog-genuine_pictures = Authentique
catalog-counterfeit_pictures = Contrefaçon
catalog-other_pictures = Emballage et dispositifs de sécurité
catalog-guide = Guide d'authentification
catalog-guide_intro = Cochez ce que vous constatez sur la marchandise. Plus il y a de points, plus l'indice est fort.
catalog-genuine_signs = Indices d'un produit authentique
catalog-counterfeit_signs = Indices d'une contrefaçon
catalog-weight = Poids { $weight } sur 5
catalog-full_size = taille réelle
catalog-tally_title = Ce que vous avez coché
catalog-tally_empty = Cochez les indices que vous constatez sur la marchandise : leurs poids s'additionnent ici.
catalog-tally_counts = Indices d'authenticité cochés : { $genuine } points sur { $genuine_total }. Indices de contrefaçon cochés : { $counterfeit } points sur { $counterfeit_total }.
catalog-lean_counterfeit_strong = Ce que vous avez coché penche nettement vers une contrefaçon.
catalog-lean_counterfeit = Ce que vous avez coché penche vers une contrefaçon.
catalog-lean_even = Ce que vous avez coché ne penche d'aucun côté.
catalog-lean_genuine = Ce que vous avez coché penche vers une marchandise authentique.
catalog-lean_genuine_strong = Ce que vous avez coché penche nettement vers une marchandise authentique.
catalog-tally_caution = Un décompte de vos constatations, pas un verdict : seul l'examen par le titulaire des droits peut confirmer qu'une marchandise est contrefaisante.
catalog-no_guide = Le titulaire des droits n'a pas encore rédigé de guide.
catalog-security_features = Dispositifs de sécurité
catalog-how_to_check = Comment vérifier
catalog-supply_chain = Chaîne d'approvisionnement
catalog-made_in = Fabriqué en
catalog-parties = Intervenants connus
catalog-party_role = Rôle
catalog-party_name = Nom
catalog-party_identifier = Identifiant
catalog-party_country = Pays
catalog-party_market = Marché
catalog-routes = Itinéraires habituels
catalog-route_from = De
catalog-route_to = Vers
catalog-route_mode = Transport
catalog-prices = Prix
catalog-retail = Prix de vente
catalog-retail_range = { $min } à { $max } { $currency }
catalog-declared = Valeur déclarée habituelle
catalog-withheld = Le titulaire des droits ne partage ces parties qu'avec certaines autorités : { $sections } ; adressez-vous aux contacts ci-dessous.

## catalog.party

catalog-party-manufacturer = Fabricant
catalog-party-importer = Importateur
catalog-party-exporter = Exportateur
catalog-party-distributor = Distributeur

## catalog.transport

catalog-transport-sea = Maritime
catalog-transport-air = Aérien
catalog-transport-road = Routier
catalog-transport-rail = Ferroviaire
catalog-transport-postal = Postal
catalog-transport-express_courier = Fret express

## sector

sector-apparel = Habillement
sector-luxury = Produits de luxe
sector-pharmaceuticals = Médicaments
sector-spare_parts = Pièces détachées
sector-electronics = Électronique
sector-cosmetics = Cosmétiques
sector-tobacco = Tabac
sector-toys = Jouets
sector-beverages = Boissons
sector-other = Autre

## section

section-supply_chain = chaîne d'approvisionnement
section-security_features = dispositifs de sécurité
section-prices = prix

## image_label

image_label-genuine = Authentique
image_label-counterfeit = Contrefaçon
image_label-packaging = Emballage
image_label-security_feature = Dispositif de sécurité

## side

side-genuine = Authentique
side-counterfeit = Contrefaçon

## notify

notify-title = Notifications
notify-intro = Ce que votre organisation doit savoir : retenues de marchandises portant vos marques, réponses, délais et correspondances d'alertes. Tout le monde dans votre organisation voit les mêmes notifications ; les marques de lecture sont les vôtres.
notify-filter = Afficher
notify-unread_only = Non lues seulement
notify-show_all = Tout afficher
notify-mark_all_read = Tout marquer comme lu
notify-mark_read = Marquer comme lue
notify-open = Ouvrir
notify-new = Nouveau
notify-empty = Aucune notification pour l'instant.
notify-none_unread = Rien de non lu.
notify-email_title = Courriel
notify-email_on = Vous recevez aussi chaque notification par courriel.
notify-email_off = Vous ne recevez pas les notifications par courriel ; elles arrivent toujours ici.
notify-email_turn_off = Arrêter les courriels
notify-email_turn_on = M'envoyer des courriels

## notify.admin

notify-admin-title = Notifications : webhooks et envois
notify-admin-no_smtp = Aucun serveur de courriel n'est configuré : les courriels de notification attendent et partiront dès qu'il le sera.
notify-admin-webhooks = Webhooks
notify-admin-webhooks_intro = Chaque notification de votre organisation est aussi envoyée en JSON (POST) à ces adresses, signée en HMAC-SHA256 (en-tête X-Touchstone-Signature sur l'en-tête X-Touchstone-Timestamp, un point et le corps), et renvoyée jusqu'à ce que votre système réponde 2xx. X-Touchstone-Event-Id identifie l'événement : une répétition du même identifiant est un nouvel essai.
notify-admin-url = Adresse (https://…)
notify-admin-description = Description
notify-admin-created = Créé
notify-admin-add = Ajouter le webhook
notify-admin-delete = Supprimer
notify-admin-secret_once = Le webhook est enregistré. Son secret de signature n'est affiché que maintenant : conservez-le dans le système destinataire.
notify-admin-no_webhooks = Aucun webhook pour l'instant.
notify-admin-deliveries = Envois en attente
notify-admin-deliveries_intro = Courriels et webhooks pas encore remis après au moins un essai. Ils sont réessayés, de moins en moins souvent, jusqu'à ce qu'ils passent.
notify-admin-no_deliveries = Rien n'attend : tous les envois sont passés.
notify-admin-event = Événement
notify-admin-channel = Canal
notify-admin-destination = Destinataire
notify-admin-attempts = Essais
notify-admin-last_error = Dernière erreur
notify-admin-next_attempt = Prochain essai
notify-admin-failing = en échec

## cases

cases-nav = Dossiers
cases-title = Dossiers
cases-record = Enregistrer une retenue
cases-record_from_product = Enregistrer une retenue de ce produit
cases-state_label = État
cases-all_states = Tous les états
cases-filter = Afficher
cases-empty = Aucun dossier à afficher.
cases-next_deadline = Prochaine échéance : { $date }
cases-new_title = Enregistrer une retenue
cases-office = Bureau de douane
cases-office_code = Code du bureau
cases-office_name = Nom du bureau
cases-office_country = Pays du bureau (2 lettres)
cases-office_from_profile = Votre bureau, tiré de votre page de compte (modifiez-le là).
cases-office_not_in_profile = Indiquez votre bureau sur votre page de compte et il sera rempli ici.
cases-occurred_at = Retenue le
cases-procedure_title = Dossier et procédure
cases-case_type_label = Type de dossier
cases-procedure = Régime douanier
cases-transport_mode = Mode de transport
cases-route = Itinéraire
cases-origin = Origine
cases-departure = Provenance
cases-destination = Destination
cases-country_hint = Codes pays à deux lettres, par exemple CN, FR ou GB.
cases-transport = Documents de transport
cases-one_per_line = Un par ligne.
cases-containers = Numéros de conteneur
cases-air_waybills = Lettres de transport aérien
cases-bills_of_lading = Connaissements
cases-consignor = Expéditeur
cases-consignee = Destinataire
cases-declarant = Déclarant ou détenteur des marchandises
cases-party_name = Nom
cases-party_address = Adresse
cases-party_country = Pays (2 lettres)
cases-goods = Marchandises
cases-line = Ligne { $n }
cases-catalog_product = Produit du catalogue
cases-description = Description
cases-quantity = Quantité
cases-unit = Unité
cases-hs_code = Code SH
cases-declared_value = Valeur déclarée
cases-currency = Devise
cases-product_id = Numéro du produit au catalogue
cases-brand = Marque (numéro au catalogue, ou telle qu'écrite sur les marchandises)
cases-goods_hint = Les lignes vides sont ignorées. Chaque ligne indique un produit ou une marque.
cases-add_line = Ajouter une ligne de marchandises
cases-default_unit = pièces
cases-notes = Notes
cases-notes_label = Notes pour votre administration (jamais montrées aux titulaires de droits)
cases-detain_now = Retenir et notifier le titulaire de droits
cases-review = Vérifier le formulaire
cases-record_title = Enregistrer
cases-save_draft = Enregistrer en brouillon
cases-save_draft_hint = Personne hors de votre administration n'est informé ; vous pourrez retenir depuis la page du dossier.
cases-confirm_detain = Les marchandises sont retenues : notifier maintenant le titulaire de droits et le déclarant.
cases-confirm_detain_required = Cochez d'abord la confirmation : la retenue notifie aussitôt le titulaire de droits et le déclarant.
cases-submit = Enregistrer le dossier
cases-case_title = Dossier { $reference }
cases-outcome_label = Issue
cases-regime = Cadre juridique
cases-detained_at = Retenue le
cases-brands = Marques
cases-alert_matches = Ce dossier correspond à des alertes
cases-deadlines = Délais
cases-notice_overdue = La notification au déclarant est en retard.
cases-answered = Réponse
cases-starts_on_objection = Ne commence que si le déclarant s'oppose.
cases-due_by = À rendre avant le { $date }
cases-overdue = En retard
cases-due_office = { $date } ({ $office } au bureau)
cases-form_problems = { $count ->
        [one] Un point à corriger avant d'enregistrer la retenue :
       *[other] { $count } points à corriger avant d'enregistrer la retenue :
    }
cases-last_day = Dernier jour ouvré aujourd'hui
cases-days_left = { $days ->
        [one] { $days } jour ouvré restant
       *[other] { $days } jours ouvrés restants
    }
cases-deemed = { $answer } (réputée, par silence)
cases-silence_means = Le silence à l'échéance vaut
cases-record_declarant_answer = Enregistrer la réponse du déclarant
cases-your_answer = Votre réponse
cases-note = Note
cases-send_answer = Envoyer la réponse
cases-ask_extension = Demander une prolongation
cases-next_steps = Étapes suivantes
cases-close_note = Ce qui a été fait (par ex. marchandises détruites)
cases-not_disclosed = Non communiqué.
cases-photo = Photo des marchandises retenues
cases-photos_title = Photos des marchandises
cases-photos_label = Prendre ou choisir des photos
cases-photos_hint = Elles sont réduites sur le téléphone avant l’envoi. Le titulaire des droits les voit lorsque le régime juridique lui communique les marchandises.
cases-photos_attached = Photos déjà jointes
cases-photos_preparing = Préparation des photos…
cases-photos_ready = Photos prêtes à envoyer : { $count }
cases-parties = Parties
cases-thread = Messages
cases-threads = Fils par titulaire de droits
cases-no_messages = Aucun message pour l'instant.
cases-message = Votre message
cases-send_message = Envoyer
cases-timeline = Historique
cases-home_open = Dossiers ouverts : { $count }
cases-home_alerts = Alertes en vigueur qui vous concernent
cases-home_no_alerts = Aucune alerte en vigueur ne vous vise.

## cases.action

cases-action-detain = Retenir et notifier les parties
cases-action-record_declarant_notice = Enregistrer la notification au déclarant
cases-action-decide = Décider
cases-action-close = Clore le dossier

## cases.done

cases-done-step = C'est fait : le dossier a avancé.
cases-done-answer = Votre réponse est enregistrée.
cases-done-extension = Votre délai est prolongé.
cases-done-message = Votre message est envoyé.

## cases.state

cases-state-draft = Brouillon
cases-state-detained = Retenue
cases-state-answered = Réponses reçues
cases-state-decided = Décidé
cases-state-closed = Clos

## cases.outcome

cases-outcome-destruction = Destruction
cases-outcome-legal_proceedings = Action en justice
cases-outcome-released = Mainlevée

## cases.case_type

cases-case_type-standard = Procédure normale
cases-case_type-small_consignment = Petit envoi
cases-case_type-perishable = Marchandises périssables

## cases.procedures

cases-procedures-import = Importation
cases-procedures-export = Exportation
cases-procedures-transit = Transit

## cases.party

cases-party-rights_holder = Titulaire de droits
cases-party-declarant = Déclarant

## cases.answer

cases-answer-agree_destruction = Consent à la destruction
cases-answer-object = S'oppose à la destruction
cases-answer-start_proceedings = Engage une action en justice
cases-answer-not_infringing = Les marchandises ne sont pas contrefaisantes

## cases.silence

cases-silence-agree_destruction = consentement à la destruction
cases-silence-release = mainlevée des marchandises
cases-silence-none = rien en soi

## cases.event

cases-event-created = Enregistré
cases-event-detained = Retenue, parties notifiées
cases-event-declarant_notified = Déclarant notifié
cases-event-decided = Décision
cases-event-closed = Clos
cases-event-answered = Réponse
cases-event-deemed = Réponse réputée (silence)
cases-event-obligation_started = Délai ouvert
cases-event-extended = Délai prolongé
cases-event-alert_match = Alerte correspondante
cases-event-edited = Modifié
cases-event-shared = Partagé
cases-event-share_withdrawn = Partage retiré

## alerts

alerts-on_card = Alertes en vigueur sur ce produit
alerts-nav = Alertes
alerts-title = Alertes
alerts-intro = Avertissements sur des envois suspects, publiés par les titulaires de droits et les services répressifs. Chaque dossier nouveau ou modifié est comparé aux alertes en vigueur.
alerts-new = Publier une alerte
alerts-in_force = En vigueur
alerts-none_in_force = Aucune alerte en vigueur.
alerts-others = Retirées ou expirées
alerts-what = L'alerte
alerts-alert_title = Titre
alerts-description = Description
alerts-targets = Qui et quoi elle vise
alerts-target_countries = Pays visés
alerts-countries_hint = Codes à deux lettres séparés par des virgules ; vide pour tous les pays.
alerts-target_offices = Bureaux de douane visés (codes)
alerts-transport_modes = Modes de transport
alerts-origin_countries = Pays d'origine
alerts-match_on = Éléments à rapprocher
alerts-brands = Marques
alerts-brands_hint = Une par ligne : le numéro au catalogue ou le nom de la marque.
alerts-products = Numéros de produits au catalogue
alerts-suspect_parties = Parties suspectes
alerts-transport_documents = Lettres de transport aérien et connaissements
alerts-hs_codes = Codes SH (chapitre, position ou sous-position)
alerts-validity_title = Validité
alerts-valid_from = Du
alerts-valid_to = Au (inclus)
alerts-publish = Publier l'alerte
alerts-everywhere = Tous les pays
alerts-withdraw = Retirer l'alerte
alerts-validity = Du { $from } au { $to }
alerts-unknown_brand = Aucune marque unique du catalogue ne s'appelle « { $name } » ; indiquez son numéro au catalogue.
alerts-bad_product = « { $value } » n'est pas un numéro de produit.

## alerts.status

alerts-status-in_force = En vigueur
alerts-status-withdrawn = Retirée
alerts-status-not_in_force = Pas en vigueur
alerts-reason-suspect_party = { $role } { $name } est une partie suspecte
alerts-reason-container = conteneur { $container }
alerts-reason-document = document de transport { $document }
alerts-reason-product = produit : { $product }
alerts-reason-hs_code = code SH { $code }
alerts-reason-brand = marque n° { $brand }
alerts-reason-origin = origine : { $country }
alerts-brand_number = marque n° { $number }
alerts-product_number = produit n° { $number }

## stats

stats-nav = Chiffres
stats-title = Chiffres
stats-intro = Où en sont les { $total } dossiers que vous pouvez voir, et comment ils se sont terminés.
stats-by_outcome = Dossiers par issue
stats-by_state = Dossiers par état
stats-cases = Dossiers
stats-chart = Graphique

## ops

ops-ack_note = Ce qui a été convenu avec l'autre service (facultatif)
ops-ack_hint = Une fois que vous avez parlé au contact de l'autre service, dites ce que vous avez décidé ; il est informé de votre réponse, de rien d'autre.
ops-you_said = Vous avez répondu
ops-other_said = L'autre service a répondu
ops-matched_on = rapprochement sur
ops-nav = Opérations
ops-title = Opérations
ops-coordination = Coordination
ops-hits_link = Concordances et vue d'ensemble
ops-none = Votre service n'a encore enregistré aucune opération.
ops-new = Enregistrer une opération
ops-name = Nom
ops-kind = Nature
ops-kind_hint = enquête, opération conjointe…
ops-status_label = État
ops-starts_on = Début le
ops-ends_on = Fin le
ops-period = Période
ops-contact = Point de contact
ops-contact_name = Nom
ops-contact_phone = Téléphone (international)
ops-contact_email = Courriel
ops-confidentiality = Confidentialité
ops-tell_officer = Quand une retenue concerne une cible, prévenir aussi l'agent qui l'a enregistrée (sinon la concordance est silencieuse : seul ce point de contact est informé)
ops-create = Enregistrer l'opération
ops-on_detention = En cas de retenue concordante
ops-tell_both = les deux points de contact sont prévenus
ops-silent = silencieuse : seul le point de contact de cette opération est prévenu
ops-targets = Cibles
ops-targets_hint = Les cibles ne sont comparées à celles des autres services que sous forme d'empreintes à clé de leur forme normalisée ; personne d'autre ne les lit.
ops-target_kind = Nature
ops-target_value = Identifiant
ops-country = Pays (sociétés, véhicules)
ops-dob = Date de naissance (personnes)
ops-add_target = Ajouter et vérifier la cible
ops-targets_added = Cible ajoutée ; { $hits ->
        [0] aucune concordance
        [one] { $hits } concordance
       *[other] { $hits } concordances
    } avec d'autres services.
ops-events = Actions prévues
ops-event_kind = Action
ops-place = Lieu
ops-window = Quand
ops-lat = Latitude
ops-lon = Longitude
ops-radius = Rayon (m)
ops-starts_at = Début
ops-ends_at = Fin
ops-note = Note
ops-add_event = Ajouter et vérifier l'action prévue
ops-event_added = Action prévue ajoutée ; { $conflicts ->
        [0] aucun conflit
        [one] { $conflicts } conflit
       *[other] { $conflicts } conflits
    } avec d'autres services.
ops-active = en cours
ops-hits = Concordances
ops-hits_hint = Une concordance indique lequel de vos propres éléments rejoint le travail d'un autre service et qui appeler ; aucun ne voit le dossier de l'autre.
ops-no_hits = Aucune concordance pour l'instant.
ops-your_item = votre élément
ops-open_operation = ouvrir l'opération
ops-contact_before = Contacter avant d'agir

## ops.status

ops-status-planned = Prévue
ops-status-active = En cours
ops-status-closed = Close

## ops.level

ops-level-restricted = Diffusion restreinte
ops-level-confidential = Confidentiel
ops-level-secret = Secret

## ops.kinds

ops-kinds-company = Société
ops-kinds-person = Personne
ops-kinds-address = Adresse
ops-kinds-phone = Téléphone
ops-kinds-email = Courriel
ops-kinds-vehicle = Plaque d'immatriculation
ops-kinds-container = Conteneur
ops-kinds-vessel = Navire (OMI)
ops-kinds-air_waybill = Lettre de transport aérien
ops-kinds-bill_of_lading = Connaissement
ops-kinds-web_domain = Domaine web
ops-kinds-iban = IBAN

## ops.event

ops-event-search = Perquisition
ops-event-controlled_delivery = Livraison surveillée
ops-event-inspection = Contrôle
ops-event-surveillance = Surveillance

## ops.ack

ops-ack-go_ahead = Nous avons parlé : nous poursuivons
ops-ack-stand_down = Nous avons parlé : nous nous retirons
ops-ack-merge = Nous avons parlé : nous travaillons ensemble

## ops.form

ops-form-name = le nom tel qu'écrit
ops-form-word_set = les mêmes mots dans un autre ordre
ops-form-words_joined = deux mots écrits en un
ops-form-transliterated = un nom translittéré
ops-form-spelling = une faute de frappe (à vérifier avant d'agir)
ops-form-place_and_time = le lieu et l'heure

## ops.match

ops-match-target = Même cible
ops-match-place_and_time = Même lieu, même moment
ops-match-detention = Retenue d'une cible

## editor

editor-history_link = Historique
editor-edit_link = Modifier
editor-history_title = Historique de { $name }
editor-no_history = Aucune version n'a encore été enregistrée.
editor-version = Version
editor-action = Modification
editor-who = Par
editor-when = Quand
editor-edit_title = Modifier { $name }
editor-version_note = Vous modifiez la version { $version } du brouillon.
editor-preview_link = Aperçu tel qu'un agent le voit
editor-conflict = Quelqu'un a enregistré ce produit entre-temps ; rechargez la page pour voir ses modifications, puis refaites les vôtres.
editor-reload = Recharger
editor-main = Informations principales
editor-identification = Identification
editor-hs_hint = La sous-position SH à 6 chiffres, par exemple 4202.21.
editor-gtins_hint = Un GTIN par ligne (8, 12, 13 ou 14 chiffres).
editor-markets_hint = Codes pays tels que FR, DE ou US, séparés par des virgules.
editor-kept = Les autres parties de la fiche (chaîne d'approvisionnement, dispositifs de sécurité, prix, références, autres langues) sont conservées telles quelles.
editor-save = Enregistrer le brouillon
editor-label = Ce que montre l'image
editor-file = Image
editor-upload_hint = JPEG, PNG ou WebP. Les métadonnées telles que la position GPS sont supprimées avant l'enregistrement.
editor-upload = Envoyer l'image
editor-upload_refused = Ce fichier a été refusé.
editor-remove_refused = L'image n'a pas été retirée.
editor-add_indicator = Ajouter un indice
editor-side = Il indique
editor-weight = Poids
editor-weight_hint = De 1 (un indice) à 5 (concluant).
editor-image = Image de la galerie
editor-no_image = Aucune image
editor-add = Ajouter l'indice
editor-remove = Supprimer
editor-name = Nom
editor-captions = Légendes des photos
editor-caption_in = Légende ({ $language })
editor-text_in = Ce qu'il faut regarder ({ $language })
editor-texts_in = Textes ({ $language })

## editor.actions

editor-actions-create = Créé
editor-actions-save = Enregistré
editor-actions-publish = Publié
editor-actions-import = Importé

## editor.saved

editor-saved-main = Enregistré : le brouillon a une nouvelle version. Publiez-le pour que les agents la voient.
editor-saved-image = L'image a été ajoutée à la galerie.
editor-saved-image_removed = L'image a été retirée de la galerie. Publiez le brouillon pour que les agents voient le changement.
editor-saved-indicator = L'indice a été ajouté au guide.
editor-saved-removed = L'indice a été retiré du guide.

## editor.brand

editor-brand-edit_link = Modifier la marque
editor-brand-title = Modifier la marque { $name }
editor-brand-back = Retour à la marque
editor-brand-conflict = Quelqu’un a enregistré cette marque entre-temps ; rechargez la page pour voir ses modifications, puis refaites les vôtres.
editor-brand-main = Noms, secteur et préfixes GS1
editor-brand-name = Nom de la marque
editor-brand-aliases_hint = Un par ligne : autres graphies et écritures que peuvent porter les marchandises, par ex. Maison Lumiere ou メゾン・ルミエール.
editor-brand-prefixes = Préfixes d’entreprise GS1
editor-brand-prefixes_hint = Un par ligne, de 6 à 12 chiffres : un agent peut ainsi remonter jusqu’à vous depuis un code-barres inconnu.
editor-brand-logo = Logo
editor-brand-no_logo = Pas encore de logo.
editor-brand-logo_alt = Logo de { $name }
editor-brand-logo_file = Image du logo
editor-brand-logo_upload = Envoyer le logo
editor-brand-add_trademark = Ajouter un enregistrement de marque
editor-brand-classes_hint = Classes de Nice de 1 à 45, séparées par des virgules, par ex. 18, 25.
editor-brand-add_contact = Ajouter un contact
editor-brand-contact_name = Nom ou service
editor-brand-country_hint = Le pays pour lequel ce contact répond (par ex. FR) ; laissez vide pour tous les pays.
editor-brand-languages_hint = Codes à deux lettres séparés par des virgules, par ex. en, fr.
editor-brand-hours_hint = Avec le fuseau horaire, par ex. lun.–ven. 08:00–18:00 CET.
editor-brand-representatives = Représentants
editor-brand-representatives_hint = Les organisations de représentation que vous autorisez à modifier les fiches de cette marque et à répondre pour elle ; elles ne peuvent pas changer qui voit vos parties confidentielles.
editor-brand-no_representatives = Aucun représentant n’agit pour cette marque.
editor-brand-representative = Organisation de représentation
editor-brand-delegate = L’autoriser à agir pour la marque
editor-brand-revoke = Retirer la délégation
editor-brand-audience = Qui voit les parties confidentielles
editor-brand-audience_hint = Les agents hors de ce public voient qu’une partie est réservée et qui contacter. Seule votre organisation le modifie ; chaque modification est journalisée.
editor-brand-audience_sections = Parties réservées au public choisi
editor-brand-audience_countries = Pays dont les autorités de contrôle font partie du public
editor-brand-audience_organisations = Organisations de contrôle faisant partie du public
editor-brand-contact_texts_in = Noms et horaires des contacts ({ $language })

## editor.brand.saved

editor-brand-saved-main = Enregistré : le brouillon de la marque a une nouvelle version. Publiez la marque pour que les agents la voient.
editor-brand-saved-trademark = L’enregistrement de marque a été ajouté au brouillon.
editor-brand-saved-contact = Le contact a été ajouté au brouillon.
editor-brand-saved-logo = Le logo a été enregistré et ajouté au brouillon.
editor-brand-saved-removed = Retiré du brouillon.
editor-brand-saved-representative = Les représentants de la marque ont été mis à jour.
editor-brand-saved-audience = Le public des parties confidentielles a été enregistré. Il s’applique aussitôt, sans publication, pour qu’un retrait prenne effet immédiatement.

## editor.supply

editor-supply-link = Dispositifs de sécurité et chaîne d’approvisionnement
editor-supply-title = Dispositifs de sécurité et chaîne d’approvisionnement de { $name }
editor-supply-main_link = Informations principales, images et guide
editor-supply-confidential_hint = Les agents voient ces parties une fois publiées, sauf si votre marque les réserve aux autorités que vous avez choisies.
editor-supply-no_features = Aucun dispositif de sécurité décrit pour l’instant.
editor-supply-add_feature = Ajouter un dispositif de sécurité
editor-supply-kind = Type
editor-supply-kind_hint = par ex. hologramme, code sérialisé, scellé d’inviolabilité, encre UV.
editor-supply-countries = Pays où le produit authentique est fabriqué
editor-supply-parties = Fabricants et importateurs, exportateurs et distributeurs autorisés
editor-supply-no_parties = Aucun intervenant indiqué pour l’instant.
editor-supply-add_party = Ajouter un intervenant
editor-supply-identifier_hint = Numéro EORI, d’immatriculation ou équivalent, si vous l’avez.
editor-supply-market_hint = Le marché pour lequel il est autorisé (par ex. DE), s’il en dessert un.
editor-supply-no_routes = Aucun itinéraire habituel indiqué pour l’instant.
editor-supply-add_route = Ajouter un itinéraire

## editor.supply.saved

editor-supply-saved-feature = Le dispositif de sécurité a été ajouté au brouillon.
editor-supply-saved-manufacturing = Les pays de fabrication ont été enregistrés dans le brouillon.
editor-supply-saved-party = L’intervenant a été ajouté au brouillon.
editor-supply-saved-route = L’itinéraire a été ajouté au brouillon.
editor-supply-saved-removed = Retiré du brouillon.

## identify

identify-live_start = Scanner avec l'appareil photo
identify-live_stop = Arrêter l'appareil photo
identify-live_aim = Visez le code-barres et ne bougez plus.
identify-live_denied = L'appareil photo n'a pas pu être ouvert ; prenez plutôt une photo avec le formulaire ci-dessous.
identify-found_brands = Marques
identify-found_products = Produits
identify-catalog_search_label = Marque ou produit
identify-catalog_search_hint = Un nom ou une partie du nom, un alias, un GTIN ou une référence ; les fautes de frappe sont tolérées.
identify-nav = Identifier
identify-home_card = Identifier un produit : photo du code-barres, code ou nom
identify-title = Identifier un produit
identify-intro = Photographiez le code-barres, tapez le code imprimé dessous, ou tapez le nom du produit ou de la marque.
identify-result = Ce que le code identifie
identify-choose = Plusieurs codes ont été lus : choisissez celui qui figure sur la marchandise
identify-code_read = Code lu
identify-check_code = Comparez le code lu avec les chiffres imprimés sous le code-barres : une étiquette usée ou froissée peut être mal lue.
identify-open_card = Ouvrir la fiche produit
identify-look_up_corrected = Rechercher { $code }
identify-photo_title = Photo du code-barres
identify-photo_label = Prendre ou choisir une photo
identify-photo_hint = JPEG, PNG ou WebP, jusqu'à { $max } Mo. Tenez le code-barres à plat, éclairé et net.
identify-photo_submit = Lire le code-barres
identify-code_title = Taper un code
identify-code_label = GTIN, code GS1 ou Digital Link
identify-code_hint = Les chiffres sous le code-barres (par ex. 4006381333931), une chaîne GS1 comme (01)04006381333931(10)ABC, ou un lien https:// lu dans un QR code.
identify-code_submit = Rechercher le code
identify-name_title = Rechercher par nom
identify-name_label = Nom du produit ou de la marque
identify-name_hint = Les fautes de frappe sont tolérées ; accents et majuscules sont sans importance.
identify-name_submit = Rechercher
identify-no_hits = Rien de publié ne correspond à « { $query } ». Vérifiez l'orthographe, ou essayez le nom de la marque ou les chiffres sous le code-barres.
identify-kind_brand = Marque
identify-q_required = Tapez le nom d'un produit ou d'une marque à rechercher.
identify-several = { $count } codes-barres ont été lus sur la photo.
identify-no_barcode = Aucun code-barres n'a été trouvé sur cette photo. Approchez l'appareil, code-barres à plat, éclairé et net, et recommencez, ou tapez les chiffres imprimés dessous.
identify-product = { $product } de { $brand }.
identify-brand_only = Aucun produit n'est enregistré avec le GTIN { $gtin }, mais son préfixe d'entreprise { $prefix } appartient à { $brand } : adressez-vous à ses contacts ci-dessous.
identify-not_registered = Rien n'est enregistré dans Touchstone pour le GTIN { $gtin } : aucun produit ne le porte et aucune marque ne détient son préfixe d'entreprise.
identify-check_digit = La clé de contrôle de ce code est fausse : avec ces chiffres, le dernier devrait être { $expected }, et non { $found }. Vérifiez les chiffres tapés ou lus.
identify-check_digit_ai = Dans l'AI ({ $ai }), la clé de contrôle devrait être { $expected }, et non { $found }. Vérifiez les chiffres tapés ou lus.
identify-invalid = Ce code n'est pas valide : { $reason }.
identify-no_gtin = Ce code GS1 ne porte pas de GTIN : il ne désigne pas un produit.
identify-not_a_code = Ce n'est pas un code produit (un GTIN, un code GS1 ou un GS1 Digital Link).
identify-error_form = La photo n'a pas pu être reçue ; choisissez à nouveau la photo et envoyez le formulaire.
identify-error_empty_file = La photo est vide ; prenez ou choisissez à nouveau la photo.
identify-error_file_too_large = Cette photo dépasse { $max } Mo ; prenez une photo plus proche et plus légère du code-barres.
identify-error_unsupported_type = Ce fichier n'est pas une image JPEG, PNG ou WebP ; photographiez le code-barres avec l'appareil photo.
identify-error_too_many_pixels = Cette image est bien trop grande pour être lue (trop de pixels) ; prenez une photo normale du code-barres.
identify-error_corrupt_file = Cette image est endommagée et ne peut pas être lue ; reprenez la photo.
identify-error_processing_timeout = La lecture de cette photo a pris trop de temps ; photographiez le code-barres seul, de plus près.
identify-identified_photo = Lu sur votre photo : { $code } ({ $format }).
identify-identified_code = Trouvé avec le code { $code }.
identify-identified_check = Comparez-le avec les chiffres sous le code-barres : s'ils diffèrent, identifiez à nouveau le produit.
identify-again = Identifier un autre produit
identify-results_for = Résultats pour « { $query } »
identify-hit_picture = { $product } authentique
identify-search_again = Chercher à nouveau
identify-shrinking = Réduction de la photo pour l'envoyer plus vite…
identify-reading_here = Recherche du code-barres sur le téléphone…
identify-sending = Envoi de la photo : { $percent } % de { $size }
identify-sent = Photo envoyée ; lecture du code-barres…
identify-send_failed = La photo n'a pas pu être envoyée : vérifiez le réseau, puis réessayez.
identify-size_kb = { $n } ko
identify-size_mb = { $n } Mo
identify-no_barcode_shrunk = Aucun code-barres n'a pu être lu sur la copie réduite de la photo, envoyée pour gagner du temps. Envoyez la photo d'origine (plus lourde, plus lente à envoyer), ou prenez une photo plus rapprochée.
identify-send_original = Envoyer la photo d'origine

## grants

grants-nav = Accès accordés
grants-access_nav = Accès
grants-title = Accès accordés
grants-intro = Les forces de police et les autres services n'accèdent au côté répressif que par un accès accordé : limité, avec une date de fin, révocable à tout instant. Tout ici est consigné au journal d'audit.
grants-requests = Demandes d'accès
grants-no_requests = Aucun service n'a demandé d'accès.
grants-reason = Motif
grants-asked_by = Demandé par
grants-answer_with_grant = Répondre par un accès
grants-decline = Refuser
grants-list = Accès
grants-none = Aucun accès pour l'instant.
grants-in_force = en vigueur
grants-ended = terminé
grants-given_by = Accordé par
grants-revoked_at = révoqué le
grants-scopes = Accès à
grants-expires_on = Dernier jour
grants-change = Enregistrer les modifications
grants-revoke = Révoquer maintenant
grants-give = Accorder un accès
grants-no_agencies = Aucune force de police ni aucun autre service de votre pays n'est encore inscrit.
grants-grantor = Au nom de
grants-grantee = Service
grants-access_title = Accès au côté répressif
grants-access_intro = Votre organisation accède à ce qu'ouvre un accès accordé. Une administration des douanes de votre pays, ou les administrateurs de la plateforme, accordent les accès ; demandez ici et ils sont prévenus aussitôt.
grants-opens = Ce qu'il ouvre
grants-held = Détenu
grants-yes = Oui
grants-no = Non
grants-whom = Qui peut accorder un accès
grants-ask = Demander un accès
grants-why = Pour quoi en avez-vous besoin
grants-ask_button = Envoyer la demande
grants-request_sent = Votre demande est envoyée ; la réponse apparaîtra ici et dans votre boîte de réception.
grants-your_requests = Vos demandes
grants-open = en attente de réponse
grants-no_grant_hint = Votre organisation n'a pas encore d'accès pour ceci.

## grants.scope

grants-scope-catalog_alerts = Catalogue et alertes
grants-scope-case_sharing = Dossiers partagés
grants-scope-coordination = Coordination des opérations

## grants.scope_help

grants-scope_help-catalog_alerts = Le catalogue publié des produits, Identifier, et les alertes qui visent votre organisation.
grants-scope_help-case_sharing = Les retenues qu'une administration des douanes partage avec vous, et leurs échanges.
grants-scope_help-coordination = Inscrire des opérations et des cibles, et savoir quand un autre service travaille la même cible.

## grants.outcome

grants-outcome-granted = accordée
grants-outcome-declined = refusée

## content

# Beside a text shown in another language than the reader's, because it has no version in theirs.
content-not_translated = non traduit
content-languages = Langues des textes
content-editing_note = Textes en cours : { $language }. Les lecteurs dont la langue n'a pas de version voient ceux de la langue de repli ({ $fallback }), rappelés sous chaque champ. L'enregistrement ne modifie que les textes de cette langue.
content-missing = { $count ->
    [0] complet
    [one] { $count } texte manquant
   *[other] { $count } textes manquants
    }
content-fallback_language = langue de repli
content-fallback_choice = Langue de repli
content-fallback_hint = Les lecteurs dont la langue n'a pas de version d'un texte le voient dans cette langue, signalé comme non traduit. Les textes écrits sans langue comptent comme ceux de cette langue.
content-fallback_text = { $language } (langue de repli) :

## gs1

# What a GS1 code carries, named field by field (Application Identifiers).
gs1-ai_other = AI ({ $ai })
gs1-ai-01 = GTIN
gs1-ai-02 = GTIN des articles contenus
gs1-ai-10 = Lot
gs1-ai-11 = Date de production
gs1-ai-13 = Date d'emballage
gs1-ai-15 = À consommer de préférence avant
gs1-ai-16 = Date limite de vente
gs1-ai-17 = Date de péremption
gs1-ai-21 = Numéro de série
gs1-ai-22 = Variante du produit
gs1-ai-240 = Identification complémentaire du produit
gs1-ai-241 = Référence client
gs1-ai-30 = Nombre d'articles
gs1-ai-37 = Nombre d'unités commerciales
gs1-ai-400 = Numéro de commande du client
gs1-ai-414 = Lieu (GLN)
gs1-ai-422 = Pays d'origine
gs1-ai-8003 = Actif consigné (GRAI)
gs1-ai-8004 = Actif individuel (GIAI)

## offline

offline-kept = Données gardées, pas à jour : pas de réseau, cette page est la copie enregistrée sur ce téléphone le { $when }.
offline-no_card = Pas de réseau, et aucune fiche produit gardée sur ce téléphone pour le code { $code }. Réessayez quand le réseau reviendra.
offline-store = Fiches produit gardées sur ce téléphone pour travailler sans réseau : { $count } ({ $size }), dernière synchronisation le { $when }.
offline-store_empty = Aucune fiche produit gardée sur ce téléphone pour l'instant : les fiches ouvertes avec le réseau sont gardées pour travailler sans réseau.
offline-queue_title = Retenues enregistrées sans réseau
offline-queued = Pas de réseau : la retenue est gardée sur ce téléphone et sera envoyée dès le retour du réseau.
offline-waiting = En attente d'envoi
offline-sent = Envoyée
offline-open_case = Ouvrir le dossier
offline-refused = Refusée par le serveur, à enregistrer de nouveau
offline-signin = reconnectez-vous pour l'envoyer
offline-photos = Photos : { $count }
offline-pin = Garder les fiches de cette marque sur ce téléphone
offline-unpin = Ne plus garder les fiches de cette marque
offline-pinning = Enregistrement des fiches…
offline-pinned_done = Gardées sur ce téléphone, à ouvrir sans réseau : { $count } fiches ({ $size }), synchronisées le { $when }.
offline-pin_failed = Les fiches n'ont pas pu être gardées : pas de réseau, ou plus de place sur le téléphone.
offline-pin_sector = Garder les fiches de ce secteur sur ce téléphone
offline-unpin_sector = Ne plus garder les fiches de ce secteur
offline-pin_over_budget = Rien n'a été gardé : avec celles-ci, { $count } fiches seraient gardées pour des marques et des secteurs, et ce téléphone en garde au plus { $max }. Cessez d'abord de garder une marque ou un secteur.
offline-pin_partial = Seules { $count } fiches sur { $total } ont été gardées : la place réservée aux marques et aux secteurs sur ce téléphone ({ $max_size }) est pleine. Cessez de garder une marque ou un secteur pour garder le reste.
offline-budget = Gardé pour des marques et des secteurs : { $cards } fiches sur { $max } au plus, { $size } sur { $max_size } au plus.
offline-pinned_list = Marques et secteurs gardés sur ce téléphone : { $pins }
offline-pinned_item = { $title } ({ $count } fiches, synchronisées le { $when })

## time

# Un moment tel que le lecteur le lit : $time est hh:mm sur 24 heures, $zone le fuseau (CET, UTC+04).
time-datetime = { $day } { $month } { $year }, { $time } { $zone }
time-date = { $day } { $month } { $year }
time-month_1 = janv.
time-month_2 = févr.
time-month_3 = mars
time-month_4 = avr.
time-month_5 = mai
time-month_6 = juin
time-month_7 = juil.
time-month_8 = août
time-month_9 = sept.
time-month_10 = oct.
time-month_11 = nov.
time-month_12 = déc.
time-your_zone = Les heures sont celles de votre fuseau : { $zone }. Votre page de compte permet de le changer.

## list

# Entre les éléments d'une liste écrite dans une phrase.
punctuation-colon = {"\u00A0:"}
list-separator = {", "}

## notice

# Notifications : chacune est écrite dans la langue de son lecteur quand elle est affichée ou envoyée.
notice-email_footer = Vous recevez ce courriel en tant que membre de votre organisation sur Touchstone ; votre boîte de notifications y liste chaque notification et permet d'arrêter ces courriels.
notice-case_message-subject = Nouveau message sur le dossier { $case }
notice-case_shared-subject = Dossier { $case } partagé avec vous
notice-case_detained-subject = Marchandises portant vos marques retenues : dossier { $case }
notice-case_detained-body = Ouvrez le dossier pour répondre avant l'échéance.
notice-case_step-subject = Dossier { $case } : { $step }
notice-case_step_outcome-subject = Dossier { $case } : { $step }, { $outcome }
notice-case_answered-subject = Dossier { $case } : le titulaire de droits a répondu « { $answer } »
notice-case_extended-subject = Dossier { $case } : le titulaire de droits a prolongé son délai jusqu'au { $due }
notice-case_answer_required-subject = Dossier { $case } : le déclarant s'oppose ; répondez avant le { $due }
notice-case_answer_required-body = Engagez une procédure avant l'échéance, sinon les marchandises sont mainlevées.
notice-case_ready-subject = Dossier { $case } prêt pour décision : { $outcome }
notice-deadline_reminder-subject = Dossier { $case } : votre réponse est attendue avant le { $due }
notice-deadline_reminder-body = Le silence à l'échéance vaut : { $silence }.
notice-alert_match-subject = Votre alerte « { $title } » correspond à une retenue
notice-hit-subject = Coordination : un autre service travaille sur votre { $item } « { $label } »
notice-hit-contact = Contact avant d'agir : { $contact }.
notice-hit-matched = Concordance : { $match } ({ $form }). Le dossier de l'autre service ne vous est pas montré, ni le vôtre à lui.
notice-hit_acknowledged-subject = Coordination : l'autre service a pris acte ({ $outcome })
notice-hit_acknowledged-body = L'autre service a pris acte d'une concordance que vous partagez : { $outcome }.
notice-hit_reminder-subject = Coordination : une concordance sur « { $label } » n'est pas encore prise en compte
notice-hit_reminder-body = Appelez le contact de l'autre service, puis indiquez sur la concordance ce que vous avez décidé.
notice-access_granted-subject = Accès accordé : { $scopes }
notice-access_granted-body = Votre organisation a reçu un accès ({ $scopes }) jusqu'au { $expires }.
notice-access_revoked-subject = Accès révoqué
notice-access_revoked-body = L'accès de votre organisation ({ $scopes }) a été révoqué.
notice-access_requested-subject = { $agency } demande un accès
notice-access_requested-body = { $agency } ({ $country }) demande un accès : { $scopes }.
notice-access_requested-reason = Motif : { $reason }
notice-access_requested-by = Demandé par : { $by }
notice-access_declined-subject = Demande d'accès refusée
notice-access_declined-body = Votre demande d'accès ({ $scopes }) a été refusée par { $by }.

## notice.item

notice-item-target = cible
notice-item-detention = retenue
notice-item-planned_action = action prévue

## audit.action

audit-action-access_decline = Demande d'accès refusée
audit-action-access_request = Accès demandé
audit-action-alert_create = Alerte créée
audit-action-alert_update = Alerte modifiée
audit-action-audit_read = Journal d'audit consulté
audit-action-brand_confidentiality = Confidentialité de la marque modifiée
audit-action-brand_create = Marque créée
audit-action-brand_delegate = Marque déléguée
audit-action-brand_publish = Marque publiée
audit-action-brand_revoke_delegation = Délégation de marque retirée
audit-action-brand_update = Marque modifiée
audit-action-case_answer = Réponse au dossier
audit-action-case_create = Dossier enregistré
audit-action-case_detain = Marchandises retenues
audit-action-case_extension = Délai prolongé
audit-action-case_message = Message sur un dossier
audit-action-case_read = Dossier consulté
audit-action-case_share = Dossier partagé
audit-action-case_share_withdrawn = Partage de dossier retiré
audit-action-case_shared_with = Dossier reçu en partage
audit-action-case_thread_read = Fil du dossier consulté
audit-action-case_transition = Étape du dossier
audit-action-case_update = Dossier modifié
audit-action-catalog_import = Catalogue importé
audit-action-catalog_read = Catalogue consulté
audit-action-catalog_read_confidential = Sections confidentielles consultées
audit-action-coordination_hit = Concordance de coordination
audit-action-coordination_hit_ack = Concordance prise en compte
audit-action-grant_change = Accès modifié
audit-action-grant_create = Accès accordé
audit-action-grant_received = Accès reçu
audit-action-grant_revoke = Accès révoqué
audit-action-media_demo_pictures = Images de démonstration ajoutées
audit-action-media_upload = Fichier déposé
audit-action-notify_email_preference = Préférence de courriel modifiée
audit-action-operation_create = Opération enregistrée
audit-action-operation_event = Action prévue ajoutée
audit-action-operation_targets = Cibles ajoutées
audit-action-operation_update = Opération modifiée
audit-action-organisation_create = Organisation créée
audit-action-organisation_set_api_limits = Limites d'API fixées
audit-action-organisation_set_email_domains = Domaines de courriel fixés
audit-action-party_export = Données d'une partie exportées (demande légale)
audit-action-product_create = Produit créé
audit-action-product_publish = Produit publié
audit-action-product_update = Produit modifié
audit-action-retention_purge = Données personnelles purgées (conservation)
audit-action-sign_in = Connexion
audit-action-sign_in_failed = Échec de connexion
audit-action-sign_in_refused_deactivated = Connexion refusée : compte désactivé
audit-action-sign_in_refused_locked = Connexion refusée : compte verrouillé
audit-action-sign_in_second_factor = Second facteur accepté
audit-action-sign_in_second_factor_failed = Code de second facteur erroné
audit-action-sign_out = Déconnexion
audit-action-token_create = Jeton d'API créé
audit-action-token_revoke = Jeton d'API révoqué
audit-action-user_change_password = Mot de passe changé
audit-action-user_create = Utilisateur créé
audit-action-user_deactivate = Utilisateur désactivé
audit-action-user_reactivate = Utilisateur réactivé
audit-action-user_locked = Compte verrouillé
audit-action-user_reset_credentials = Identifiants réinitialisés
audit-action-user_second_factor_enabled = Second facteur activé
audit-action-user_second_factor_enrolment_started = Enrôlement du second facteur commencé
audit-action-user_set_language = Langue ou fuseau horaire modifié
audit-action-user_set_office = Bureau de douane modifié
audit-action-verify_serial_status = Statut de numéro de série modifié
audit-action-verify_serials_import = Numéros de série importés
audit-action-verify_service_registered = Service de vérification enregistré
audit-action-verify_service_removed = Service de vérification retiré
audit-action-webhook_create = Webhook ajouté
audit-action-webhook_delete = Webhook supprimé

## audit.target

audit-target-access_request = demande d'accès
audit-target-alert = alerte
audit-target-api_token = jeton d'API
audit-target-audit = journal d'audit
audit-target-brand = marque
audit-target-case = dossier
audit-target-grant = accès
audit-target-hit = concordance
audit-target-media = fichier
audit-target-operation = opération
audit-target-organisation = organisation
audit-target-product = produit
audit-target-products = produits
audit-target-user = utilisateur
audit-target-webhook = webhook
audit-target-target = cible
audit-target-detention = retenue
audit-target-planned_action = action prévue
audit-target-serial = numéro de série
audit-target-party = partie
audit-target-retention = conservation

## audit.who

audit-console = la ligne de commande
audit-regime = la procédure légale
audit-alerts = le rapprochement des alertes
audit-anonymous = non connecté
audit-system = système : { $worker }

## regime

# The built-in legal regimes' names; a regime a deployment configures keeps its own.
regime-eu_608_2013 = Règlement (UE) n° 608/2013

## Contrôle des numéros de série (issue 18) : un indice pour l'agent, pas une constatation juridique
verify-title = Contrôle du numéro de série
verify-evidence = C'est un élément pour votre examen, pas une constatation juridique.
verify-checked_registry = Contrôlé { $when } auprès des numéros de série enregistrés par le titulaire du droit.
verify-checked_service = Contrôlé { $when } auprès du service de vérification du titulaire du droit.
verify-heading_registered_active = Enregistré et actif
verify-explain_registered_active = Le titulaire du droit a enregistré ce numéro de série pour ce produit et il est actif ; le lot et la date de péremption lus concordent. Cela conforte, sans le prouver, le caractère authentique de l'article.
verify-heading_unknown_serial = Numéro de série inconnu
verify-explain_unknown_serial = Le titulaire du droit n'a pas enregistré ce numéro de série pour ce produit, alors qu'il enregistre ceux de ses articles authentiques : c'est un indice que l'article peut être contrefait. Interrogez le titulaire du droit.
verify-heading_batch_or_expiry_mismatch = Le lot ou la date de péremption ne concorde pas
verify-explain_mismatch_batch = Ce numéro de série est enregistré, mais le lot lu sur l'article diffère de celui que le titulaire du droit a enregistré : c'est un indice d'article contrefait ou réétiqueté. Interrogez le titulaire du droit.
verify-explain_mismatch_expiry = Ce numéro de série est enregistré, mais la date de péremption lue sur l'article diffère de celle que le titulaire du droit a enregistrée : c'est un indice d'article contrefait ou réétiqueté. Interrogez le titulaire du droit.
verify-explain_mismatch_both = Ce numéro de série est enregistré, mais le lot et la date de péremption lus sur l'article diffèrent de ceux que le titulaire du droit a enregistrés : c'est un indice d'article contrefait ou réétiqueté. Interrogez le titulaire du droit.
verify-heading_status_recalled = Enregistré comme rappelé
verify-explain_status_recalled = Le titulaire du droit a enregistré ce numéro de série comme rappelé : un article qui le porte ne devrait plus être sur le marché. Interrogez le titulaire du droit.
verify-heading_status_destroyed = Enregistré comme détruit
verify-explain_status_destroyed = Le titulaire du droit a enregistré ce numéro de série comme détruit : un article qui le porte ne devrait plus exister, le code a donc pu être copié. Interrogez le titulaire du droit.
verify-heading_status_stolen = Enregistré comme volé
verify-explain_status_stolen = Le titulaire du droit a enregistré ce numéro de série comme volé : cet article peut provenir d'un vol. Interrogez le titulaire du droit.
verify-heading_status_exported = Enregistré comme exporté
verify-explain_status_exported = Le titulaire du droit a enregistré ce numéro de série comme exporté : l'article devait quitter le marché pour lequel il a été enregistré. Interrogez le titulaire du droit.
verify-heading_status_sample = Enregistré comme échantillon
verify-explain_status_sample = Le titulaire du droit a enregistré ce numéro de série comme échantillon : l'article n'était pas destiné à la vente. Interrogez le titulaire du droit.
verify-heading_possible_clone = Clone possible
verify-explain_possible_clone = Ce numéro de série est enregistré et actif, mais il a été contrôlé { $scans ->
        [one] une fois
       *[other] { $scans } fois
    } dans { $countries ->
        [one] un pays
       *[other] { $countries } pays
    } en { $hours } heures, la dernière fois avant celle-ci { $last }. Un article authentique n'est qu'en un lieu à la fois : le code a donc pu être copié sur d'autres articles. Interrogez le titulaire du droit.
verify-heading_not_serialised = Aucun numéro de série enregistré
verify-explain_not_serialised = Le titulaire du droit n'a enregistré aucun numéro de série pour ce produit : celui-ci ne peut donc pas être contrôlé ici, ce qui n'indique rien dans un sens ni dans l'autre.
verify-heading_could_not_verify = Vérification impossible
verify-explain_could_not_verify = Le service de vérification du titulaire du droit n'a donné aucun résultat digne de confiance : ce numéro de série n'a pas pu être vérifié, ce qui n'indique rien dans un sens ni dans l'autre, et jamais que l'article est authentique. Interrogez le titulaire du droit.
verify-reason_service_unreachable = Son service n'a pas pu être joint.
verify-reason_service_timeout = Son service n'a pas répondu à temps.
verify-reason_service_error = Son service a répondu par une erreur.
verify-reason_bad_signature = Sa réponse n'était pas signée avec la clé du titulaire du droit : elle a été refusée.
verify-reason_bad_answer = Sa réponse n'a pas pu être lue.
verify-heading_not_checked = Numéro de série non contrôlé
verify-explain_not_checked = Cette fiche a été ouverte depuis un lien, un favori ou la copie gardée sur ce téléphone : le numéro de série n'a donc pas été contrôlé cette fois. Identifiez à nouveau le code pour le contrôler.

## La page du service de vérification du titulaire de la marque
verify-service-link = Service de vérification
verify-service-title = Service de vérification connecté
verify-service-intro = Au lieu de téléverser vos numéros de série, vous pouvez répondre aux contrôles des agents sur les numéros de série de cette marque depuis votre propre service de vérification. Chaque contrôle d'un code portant un numéro de série lui est alors envoyé ; une réponse tardive, non signée ou mal signée est présentée à l'agent comme « vérification impossible », jamais comme authentique.
verify-service-protocol = Touchstone envoie un POST avec le GTIN, le numéro de série, le lot, la date de péremption et le pays du bureau (jamais qui contrôle), signé comme les webhooks : X-Touchstone-Signature vaut sha256= suivi du HMAC-SHA256 de l'horodatage, d'un point et du corps sous votre secret. Répondez 200 avec le request_id reçu et un statut (active, unknown, recalled, destroyed, stolen, exported, sample), signé de la même façon, en moins de { $seconds } secondes. Seuls les administrateurs du titulaire de la marque gèrent ce service.
verify-service-secret_once = Le secret de votre service est affiché ci-dessous cette seule fois : enregistrez-le maintenant dans votre service de vérification. Un nouvel enregistrement en crée un nouveau.
verify-service-current = Service enregistré
verify-service-url = Adresse du service
verify-service-since = Enregistré ou remplacé pour la dernière fois { $when }.
verify-service-failures = Contrôles sans résultat, 7 derniers jours
verify-service-no_failures = Aucun : chaque contrôle a reçu à temps une réponse signée.
verify-service-reason = Motif
verify-service-checks = Contrôles
verify-service-last = Dernier
verify-service-remove = Retirer le service
verify-service-none = Aucun service n'est enregistré : les contrôles utilisent les numéros de série que vous avez téléversés.
verify-service-register_title = Enregistrer un service
verify-service-replace_title = Remplacer le service
verify-service-register = Enregistrer
verify-service-replace = Remplacer, avec un nouveau secret
