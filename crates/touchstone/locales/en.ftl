# English messages in Fluent syntax (https://projectfluent.org/). Every other language holds
# exactly these identifiers with the same $variables; a test checks. An identifier is the code's
# dotted key with dots as dashes: tr.t("nav.home") reads nav-home.

## nav

nav-label = Main menu
nav-home = Home
nav-organisations = Organisations
nav-users = Users
nav-audit = Audit trail
nav-account = My account
nav-sign_out = Sign out
nav-inbox = Inbox
nav-unread = unread
nav-notifications = Webhooks
nav-api = API
nav-menu = Menu
nav-skip = Skip to the content

## footer

footer-tagline = Touchstone — telling genuine goods from counterfeits, together.

## error

error-picture_in_use = An indicator of the guide shows this picture: remove that indicator first.
errorpage-title = Something is not right
errorpage-back_home = Back to the home page
error-invalid_credentials = The e-mail or the password is not right. After repeated failed attempts an account is locked for a while; then try again, or ask your administrator.
error-second_factor_locked = Too many wrong codes: this sign-in has ended and the account is locked for a while; sign in again later, or ask an administrator to reset it.
error-csrf_failed = This form has expired or did not come from Touchstone; reload the page and try again.
error-invalid_form = The form was not complete; reload the page and fill it in again.
error-page_not_found = There is no page at this address.
error-internal = Something went wrong on our side. It has been logged; please try again.
error-unauthenticated = Sign in, or send a valid bearer token in the Authorization header.
error-unknown_field = The JSON names a field this request does not take; check the field names against the API reference.
error-corrupt_file = The file is damaged or incomplete; save or export it again and send it again.
error-duplicate_gtin = This GTIN appears on more than one row of the file; keep it on one product only.
error-empty_file = The file is empty; choose the file again and send it again.
error-gs1_prefix_taken = One of these GS1 company prefixes is already registered for another brand.
error-image_not_found = The picture this row names is not in the import's folder; check its name and path.
error-image_unreadable = The picture this row names cannot be read; save it again as JPEG, PNG or WebP.
error-invalid_data_uri = The picture is given as a data: URI that cannot be read; give it as base64 after ';base64,'.
error-invalid_domain = This is not a web domain; write it as example.com.
error-invalid_flag = Write yes or no (or true or false) in this column.
error-invalid_gs1_prefix = A GS1 company prefix is 6 to 12 digits; check the prefix.
error-invalid_gs1_value = This value is not valid for its GS1 application identifier; copy it as printed after its AI.
error-invalid_iban = This is not a valid IBAN; check the country code and the digits.
error-invalid_image_entry = Write each picture as label:file, separated by |, such as genuine:pictures/tote.png.
error-invalid_image_label = A picture's label is genuine, counterfeit, packaging or security_feature.
error-invalid_imo_number = This is not an IMO ship number; write IMO and its seven digits.
error-invalid_json = This line is not valid JSON; check its quotes, commas and braces.
error-invalid_row = This row cannot be imported; correct the field the report names.
error-malformed_row = This row cannot be read; check its quotes and separators.
error-not_your_brand = This brand belongs to another organisation; import products of your own brands only.
error-path_not_allowed = Pictures come from the import's own folder here; use a path inside it, or send the picture itself.
error-path_outside_import_dir = This path leads outside the import's folder; name a file inside it.
error-too_many_pixels = This picture has far too many pixels to be read; send a normal photo.
error-unreadable_line = This line cannot be read as text; save the file as UTF-8.
error-wrong_column_count = This row has more or fewer cells than the header; check its separators.
error-forbidden = Your organisation and role do not allow this action.
error-not_found = This item does not exist, or you may not see it.
error-invalid_email = This is not an e-mail address; write it as name@example.org.
error-invalid_country = This is not an ISO 3166-1 alpha-2 country code; use two letters such as FR, DE or US.
error-password_too_short = Choose a password of at least 12 characters; a few unrelated words work well.
error-password_too_common = This password is among the most commonly used ones; choose another.
error-invalid_second_factor = That code is not right; enter the 6 digits your authenticator app shows now.
error-account_deactivated = This account has been deactivated; ask your organisation's administrator.
error-required = Fill in this field.
error-role_not_allowed = Only platform administrators create platform administrators, and only in the operator organisation.
error-invalid_email_domain = This is not an e-mail domain; write it as it follows the @, e.g. douane.gouv.fr.
error-email_domain_taken = This e-mail domain belongs to another organisation, or another organisation has accounts at it; an account at a vetted domain must belong to the domain's organisation.
error-email_outside_domains = Accounts of your organisation can only be created at its vetted e-mail domains; for another domain, ask the platform administrator to vet it.
error-email_domain_of_another_organisation = This address is at a domain vetted as another organisation's; an account at it belongs to that organisation.
error-unknown_organisation = Choose an organisation you may add users to.
error-version_conflict = Someone changed this in the meantime; reload the page, check the changes and try again.
error-invalid_transition = This step is not possible in the case's current state; the buttons on the page show the steps allowed now.
error-answers_pending = Destruction needs the parties' agreement or the end of their deadlines; the answers are not all in.
error-nothing_to_answer = There is no open question for you on this case.
error-already_answered = This question has been answered in the meantime; reload the case.
error-not_awaiting_answers = This case takes no more answers.
error-no_extension = No extension is possible: it was used, the deadline has passed, the goods are perishable, or the regime has none.
error-invalid_quantity = Each quantity must be a positive number.
error-brand_required = Name the brand of each line: a catalog product or brand, or the brand as written on the goods.
error-idempotency_key_reused = This form was already used to record a case; check the form and send it again to record a new one.
error-thread_required = This case names several rights holders; choose whose thread to write in.
error-nothing_to_match = Name at least one brand, product, suspect party, container, transport document or HS code, so that cases can be matched.
error-answer_required = Choose an answer.
error-invalid_container_number = This container number is not valid: 4 letters, 6 digits and the ISO 6346 check digit, e.g. MSKU 907032-3.
error-invalid_air_waybill = This air waybill number is not valid: 11 digits with its check digit, e.g. 020-12345675.
error-invalid_date = Give the date as YYYY-MM-DD.
error-invalid_period = The alert must end on or after the day it starts.
error-webhook_address_not_public = This address is on a local or private network; give the address your receiving system has on the internet.
error-invalid_time_zone = This is not a time zone; choose one from the list, such as Europe/Paris.
error-office_too_long = An office code has at most { $code_max } characters and an office name at most { $name_max }.
error-invalid_language = Choose one of the languages the menu offers.
error-already_acknowledged = This hit was already acknowledged.
error-answer_not_allowed = This party may not give that answer; choose one of the answers the case page offers.
error-brand_not_published = Publish the brand first: officers find products through their brand.
error-case_not_editable = This case can no longer be edited in its current state.
error-case_type_fixed = The case type is fixed once the goods are detained.
error-contact_unreachable = Give the point of contact a phone number or an e-mail address: that is how the other agency reaches them.
error-contradictory_markets = A country cannot be both a market where the product is only sold and one where it is never sold.
error-email_taken = A user with the e-mail { $email } already exists.
error-empty_body = Send the file to import as the request body.
error-file_too_large = This file is larger than the server accepts; send a smaller one.
error-grant_revoked = This grant was revoked; give a new one instead.
error-gtin_taken = One of these GTINs already belongs to another product.
error-invalid_action = Choose a step the case allows.
error-invalid_attachment = Attach only files uploaded to Touchstone (at most 20).
error-invalid_bill_of_lading = This is not a bill of lading number; write it as printed, letters and digits.
error-invalid_body = The request does not have the expected shape; check it against the API reference.
error-invalid_characters = Remove control characters (tabs, line breaks).
error-invalid_company = Give the company's name.
error-invalid_count = Send 1 to 5,000 targets at once.
error-invalid_currency = Give the currency as an ISO 4217 code such as EUR or USD.
error-invalid_event_kind = Choose the kind of planned action.
error-invalid_expiry = This is not an expiry date; write it as YYMMDD or YYYY-MM-DD.
error-invalid_gtin = This is not a GTIN: 8, 12, 13 or 14 digits with a valid check digit.
error-invalid_hs_code = This is not an HS chapter (2 digits), heading (4) or subheading (6).
error-invalid_idempotency_key = The Idempotency-Key header must be visible ASCII.
error-invalid_key = This is not a usable key; use 1 to 80 lowercase letters, digits, "-", "_" or ".".
error-invalid_label = Choose one of the labels the form offers.
error-invalid_latitude = The latitude must be between -90 and 90.
error-invalid_longitude = The longitude must be between -180 and 180.
error-invalid_media_reference = Refer to a stored file by its 64-character hash.
error-invalid_mode = Choose one of the modes the form offers.
error-invalid_nice_class = Nice class { $class } does not exist; classes run from 1 to 45.
error-invalid_number = This is not a number.
error-invalid_organisation_kind = Choose one of the kinds of organisation the form offers.
error-invalid_outcome = Say whether you go ahead, stand down or work together.
error-invalid_path = The address is not valid; check it and try again.
error-invalid_phone = This is not a phone number; write it with its country code, such as +33 1 23 45 67 89.
error-invalid_photo = Attach only photos uploaded to Touchstone (at most 50).
error-invalid_plate = This is not a vehicle registration plate.
error-invalid_price = Prices are positive numbers.
error-invalid_procedure = Choose import, export or transit.
error-invalid_query = The address's query is not valid; check it against the API reference.
error-invalid_radius = The radius must be between 1 and 10,000 metres; cover a larger area with several actions.
error-invalid_reference = This is not a reference Touchstone knows; check how it is written.
error-invalid_role = Choose one of the roles the form offers.
error-invalid_sector = Choose one of the sectors the form offers.
error-invalid_side = Choose whether this sign is of a genuine or of a counterfeit product.
error-invalid_state = Choose one of the case states the list offers.
error-invalid_status = Choose one of the statuses offered.
error-invalid_target_kind = Choose what kind of identifier this is.
error-invalid_text = This text is too long or holds characters that are not text; shorten it.
error-invalid_time = This is not a date and time; write it as 2026-12-01T06:00:00Z, or use the date field.
error-invalid_token_lifetime = A token lives between 1 and 365 days.
error-invalid_transport_mode = Choose a mode of transport.
error-invalid_value = A declared value must be zero or more.
error-invalid_verification_url = This is not an address a verification service can be reached at: use a public https:// address with a host and no credentials.
error-invalid_webhook_url = This is not an address webhooks can be sent to: use a public https:// address.
error-invalid_weight = An indicator's weight runs from 1 (a hint) to 5 (conclusive).
error-invalid_window = A planned action ends after it starts and lasts at most 30 days.
error-key_taken = The key “{ $key }” is already used; choose another.
error-line_too_long = Line { $line } is too long; put one serial per line.
error-malformed_csv = The first line of the CSV file, which names the columns, cannot be read.
error-malformed_json = The request is not valid JSON.
error-method_not_allowed = This endpoint does not accept that method; see /api/v1/openapi.json.
error-missing_column = The CSV file lacks the column “{ $column }”.
error-missing_columns = The CSV file lacks columns it needs; its first line names the columns.
error-no_enrolment = Start the enrolment first.
error-no_small_consignment_procedure = This office's legal regime has no small-consignment procedure; record a standard case.
error-no_such_endpoint = There is no such endpoint; see /api/v1/openapi.json.
error-not_a_representative = Brands can be delegated to representative organisations only.
error-not_a_rights_holder = Brands belong to rights-holder organisations.
error-not_an_agency = Cases are shared with another enforcement agency (police, other enforcement).
error-not_customs = Access is granted by a customs administration.
error-office_country_fixed = The office's country decides the legal regime and cannot change; record a new case.
error-organisation_exists = An organisation named “{ $name }” already exists; choose another name.
error-out_of_range = This number is outside the range allowed here.
error-outcome_required = Choose the decision: destruction, legal proceedings or release.
error-owner_only = Only the rights holder itself chooses who sees its confidential sections.
error-password_too_long = Choose a password under 1024 bytes.
error-payload_too_large = The request is larger than this server accepts; send less data at once.
error-period_too_long = An alert is valid for at most three years; publish a new one after.
error-processing_timeout = Reading this photo took too long; send a smaller photo of the barcode.
error-rate_limited = Too many requests; wait a moment and try again.
error-request_closed = This request is closed or comes from another agency.
error-serial_or_batch = Give either one serial number or one batch whose status changes.
error-too_large = This is too large; send something smaller.
error-too_long = This is too long; shorten it.
error-too_many = This list is too long; remove some entries.
error-too_many_sign_in_attempts = Too many sign-in attempts from your address; wait { $seconds } seconds and try again.
error-unknown_batch = No serial of this batch is registered for this product.
error-unknown_brand = No published brand has this number.
error-unknown_column = The CSV file has a column Touchstone does not know: “{ $column }”.
error-unknown_entry = This entry is no longer in the draft; reload the page.
error-unknown_hs_code = This HS chapter does not exist; chapters run from 01 to 97 (77 is reserved).
error-unknown_indicator = This indicator is no longer in the guide; reload the page.
error-unknown_media = This picture is no longer in the gallery; reload the page.
error-unknown_product = This is not a product number.
error-unknown_serial = No serial number like this is registered for this product.
error-unknown_thread = This case has no thread with that organisation: it names none of its brands.
error-unreadable = The file could not be read to its end; send it again.
error-unsupported_media_type = Send text/csv or application/x-ndjson, or say ?format=csv or ?format=jsonl.
error-unsupported_type = This kind of file is not accepted here; the form says which are.

## signin

signin-title = Sign in
signin-intro = Touchstone is for enforcement officers and rights holders. Sign in with the account your organisation gave you.
signin-email = E-mail
signin-password = Password
signin-submit = Sign in

## second_factor

second_factor-title = Second factor
second_factor-intro = Enter the 6-digit code that your authenticator app shows for Touchstone.
second_factor-code = Code
second_factor-submit = Verify

## home

home-title = Home
home-welcome = Welcome, { $name }
home-organisation = Organisation
home-role = Role
home-next = What would you like to do?
home-manage_account = Manage my account, language and API tokens
home-manage_users = Manage the users of my organisation
home-read_audit = Read the audit trail
home-api = Read the API reference

## account

account-title = My account
account-must_enrol = Your organisation requires a second factor: set one up below before you continue.
account-language = Language
account-save = Save
account-password = Password
account-current_password = Current password
account-new_password = New password
account-password_rules = At least 12 characters, and not a commonly used password.
account-change_password = Change password
account-second_factor = Second factor (authenticator app)
account-enrol_instructions = Add this key to your authenticator app (or import the link below), then enter the code it shows.
account-confirm_second_factor = Turn on the second factor
account-second_factor_on = A second factor is on for your account.
account-second_factor_off = No second factor is set up.
account-start_second_factor = Set up a new authenticator
account-tokens = API tokens
account-token_created = Your new token is below. Copy it now: it will not be shown again.
account-token_name = Token name
account-token_days = Valid for (days)
account-create_token = Create token
account-token_prefix = Starts with
account-token_expires = Expires
account-revoke = Revoke
account-inactive = Revoked or expired
account-office = My customs office
account-office_hint = The detention form starts with this office. Leave it empty if you work at several offices.
account-save_office = Save my office

## account.done

account-done-password = Your password has been changed, and your other sessions have ended (your API tokens are listed below: revoke any you no longer trust).
account-done-language = Your language has been saved.
account-done-office = Your office has been saved.
account-done-token_revoked = The token has been revoked.
account-done-second_factor = The second factor is now on.
account-time_zone = Time zone
account-time_zone_default = My country's zone ({ $zone })

## orgs

orgs-title = Organisations
orgs-name = Name
orgs-kind = Kind
orgs-country = Country
orgs-create = Create organisation
orgs-country_help = Two letters, ISO 3166-1 (FR, DE, US…).
orgs-email_domains = E-mail domains
orgs-set_email_domains = Set
orgs-email_domains_help = The domains of the organisation’s own addresses, separated by commas (douane.gouv.fr). Its administrators create accounts at these domains only.

## users

users-title = Users
users-issued = Initial password for { $email }. Give it to them over a separate channel; it is shown only once:
users-email = E-mail
users-name = Name
users-organisation = Organisation
users-role = Role
users-status = Status
users-deactivated = Deactivated
users-locked = Locked
users-active = Active
users-deactivate = Deactivate
users-reactivate = Reactivate
users-reset = Reset password and second factor
users-reset_ended = Their second factor is cleared, every session of theirs has ended and every API token of theirs is revoked: integrations using one need a new token.
users-create = Create user

## audit

audit-title = Audit trail
audit-intro = Every sign-in, change and sensitive read, newest first. Each record is chained to the previous one, so alterations can be detected.
audit-when = When
audit-who = Who
audit-action = Action
audit-target = Target
audit-detail = Details
audit-older = Older records

## api

api-title = API reference
api-intro = The machine-readable description (OpenAPI 3.1) is at
api-auth = Authenticate with a bearer token from My account: Authorization: Bearer ts_…
api-method = Method
api-path = Path
api-summary = What it does
api-reference_in_english = The summaries below come from the OpenAPI document, which is written in English.

## role

role-officer = Officer
role-analyst = Analyst
role-coordinator = Coordinator
role-org_admin = Organisation administrator
role-platform_admin = Platform administrator

## kind

kind-customs = Customs administration
kind-police = Police
kind-other_enforcement = Other enforcement authority
kind-rights_holder = Rights holder
kind-representative = Representative
kind-operator = Platform operator

## language

language-en = English
language-fr = French
language-es = Spanish
language-ar = Arabic

## catalog

catalog-nav = Catalog
catalog-home_card = Look up brands and their genuine products
catalog-title = Catalog
catalog-intro_enforcement = Brands whose owners publish how their genuine products look. Open a brand, then a product, to compare what you inspect.
catalog-intro_own = The brands you maintain. Officers see only what you publish.
catalog-search = Search
catalog-search_label = Brand name
catalog-search_hint = Part of the name; accents and capitals do not matter.
catalog-sector = Sector
catalog-sector_title = The { $sector } sector
catalog-sector_size = Product cards published in this sector: { $cards } (brands: { $brands }).
catalog-sector_too_many = This sector holds more cards than a phone can keep: keep its brands one by one, from their pages.
catalog-sector_brands_link = The brands of this sector
catalog-sector_cards_link = Every card of this sector, to keep on this phone
catalog-all_sectors = All sectors
catalog-clear = Clear the search
catalog-no_match = No brand matches your search.
catalog-empty = There are no brands to show yet.
catalog-product_count = Products: { $count }
catalog-draft = Draft
catalog-published = Published
catalog-unpublished_changes = Unpublished changes
catalog-pages = Pages
catalog-previous = Previous page
catalog-next = Next page
catalog-page = Page { $page }
catalog-all_brands = All brands
catalog-aliases = Also written
catalog-trademarks = Trademarks
catalog-tm_office = Office
catalog-tm_number = Number
catalog-tm_classes = Nice classes
catalog-tm_expires = Expires
catalog-no_trademarks = No trademark registered here yet.
catalog-contacts = Contacts
catalog-reach_title = Whom to call
catalog-call = Call
catalog-write = E-mail
catalog-all_contacts = All contacts
catalog-your_photo = Your photo
catalog-your_photo_alt = The photo you took on Identify
catalog-your_photo_dismiss = Hide my photo
catalog-contacts_intro = Call or write to these people to confirm a suspicion; the contact for your country comes first.
catalog-everywhere = All countries
catalog-contact_for = For
catalog-languages = Languages
catalog-hours = Hours
catalog-phone = Phone
catalog-email = E-mail
catalog-no_contacts = No contacts given yet.
catalog-products = Products
catalog-category = Category
catalog-no_products = No products to show yet.
catalog-own_note = You are looking at your working copy. Officers see the published version only.
catalog-publish_brand = Publish the brand
catalog-publish_product = Publish
catalog-publish_hint = Publishing copies the current draft to what officers see.
catalog-published_done = Published: officers now see this version.
catalog-preview = Preview as an officer sees it
catalog-preview_note = This is your current draft, confidential sections included. Officers see the published version, and your confidential sections only if they are in the audience you chose.
catalog-not_published = Not published yet: officers do not see this product.
catalog-published_at = Published on { $date }
catalog-brand = Brand
catalog-identification = Identification
catalog-gtins = GTINs (barcodes)
catalog-model_numbers = Model numbers
catalog-hs_code = HS code
catalog-packaging = Packaging
catalog-description = Description
catalog-markets = Markets
catalog-only_sold_in = Sold only in
catalog-never_sold_in = Never sold in — goods declared for these markets are suspect
catalog-pictures = Pictures
catalog-no_pictures = No pictures yet.
catalog-genuine_pictures = Genuine
catalog-counterfeit_pictures = Counterfeit
catalog-other_pictures = Packaging and security features
catalog-guide = Authentication guide
catalog-guide_intro = Tick what you observe on the goods. More dots mean a stronger sign.
catalog-genuine_signs = Signs of a genuine product
catalog-counterfeit_signs = Signs of a counterfeit
catalog-weight = Weight { $weight } of 5
catalog-full_size = full size
catalog-tally_title = What you ticked
catalog-tally_empty = Tick the signs you see on the goods: their weights are added up here.
catalog-tally_counts = Genuine signs ticked: { $genuine } of { $genuine_total } points. Counterfeit signs ticked: { $counterfeit } of { $counterfeit_total } points.
catalog-lean_counterfeit_strong = What you ticked leans clearly towards a counterfeit.
catalog-lean_counterfeit = What you ticked leans towards a counterfeit.
catalog-lean_even = What you ticked does not lean either way.
catalog-lean_genuine = What you ticked leans towards genuine goods.
catalog-lean_genuine_strong = What you ticked leans clearly towards genuine goods.
catalog-tally_caution = A tally of your observations, not a verdict: only the rights holder's examination can confirm whether goods are counterfeit.
catalog-no_guide = The rights holder has not written a guide yet.
catalog-security_features = Security features
catalog-how_to_check = How to check
catalog-supply_chain = Supply chain
catalog-made_in = Made in
catalog-parties = Known parties
catalog-party_role = Role
catalog-party_name = Name
catalog-party_identifier = Identifier
catalog-party_country = Country
catalog-party_market = Market
catalog-routes = Usual routes
catalog-route_from = From
catalog-route_to = To
catalog-route_mode = Transport
catalog-prices = Prices
catalog-retail = Retail price
catalog-retail_range = { $min } to { $max } { $currency }
catalog-declared = Usual declared value
catalog-withheld = The rights holder shares these parts with selected authorities only: { $sections }; ask the contacts below.

## catalog.party

catalog-party-manufacturer = Manufacturer
catalog-party-importer = Importer
catalog-party-exporter = Exporter
catalog-party-distributor = Distributor

## catalog.transport

catalog-transport-sea = Sea
catalog-transport-air = Air
catalog-transport-road = Road
catalog-transport-rail = Rail
catalog-transport-postal = Post
catalog-transport-express_courier = Express courier

## sector

sector-apparel = Apparel
sector-luxury = Luxury goods
sector-pharmaceuticals = Pharmaceuticals
sector-spare_parts = Spare parts
sector-electronics = Electronics
sector-cosmetics = Cosmetics
sector-tobacco = Tobacco
sector-toys = Toys
sector-beverages = Beverages
sector-other = Other

## section

section-supply_chain = supply chain
section-security_features = security features
section-prices = prices

## image_label

image_label-genuine = Genuine
image_label-counterfeit = Counterfeit
image_label-packaging = Packaging
image_label-security_feature = Security feature

## side

side-genuine = Genuine
side-counterfeit = Counterfeit

## notify

notify-title = Inbox
notify-intro = What your organisation must hear about: detentions of goods bearing your marks, answers, deadlines and alert matches. Everyone in your organisation sees the same notifications; read marks are your own.
notify-filter = Show
notify-unread_only = Only unread
notify-show_all = Show all
notify-mark_all_read = Mark all as read
notify-mark_read = Mark as read
notify-open = Open
notify-new = New
notify-empty = No notifications yet.
notify-none_unread = Nothing unread.
notify-email_title = E-mail
notify-email_on = You also receive each notification by e-mail.
notify-email_off = You do not receive notifications by e-mail; they still arrive here.
notify-email_turn_off = Stop e-mails
notify-email_turn_on = Send me e-mails

## notify.admin

notify-admin-title = Notifications: webhooks and deliveries
notify-admin-no_smtp = No mail server is configured: e-mail notifications wait and go out once one is.
notify-admin-webhooks = Webhooks
notify-admin-webhooks_intro = Every notification of your organisation is also POSTed as JSON to these addresses, signed with HMAC-SHA256 (header X-Touchstone-Signature over the X-Touchstone-Timestamp header, a dot and the body), and retried until your system answers 2xx. X-Touchstone-Event-Id identifies the event: a repeat with the same id is a retry.
notify-admin-url = Address (https://…)
notify-admin-description = Description
notify-admin-created = Created
notify-admin-add = Add the webhook
notify-admin-delete = Remove
notify-admin-secret_once = The webhook is registered. Its signing secret is shown only now: store it in the receiving system.
notify-admin-no_webhooks = No webhook yet.
notify-admin-deliveries = Deliveries waiting
notify-admin-deliveries_intro = E-mails and webhooks not delivered yet after at least one attempt. They are retried, less and less often, until they go through.
notify-admin-no_deliveries = Nothing is waiting: every delivery went through.
notify-admin-event = Event
notify-admin-channel = Channel
notify-admin-destination = To
notify-admin-attempts = Attempts
notify-admin-last_error = Last error
notify-admin-next_attempt = Next attempt
notify-admin-failing = failing

## cases

cases-nav = Cases
cases-title = Cases
cases-record = Record a detention
cases-record_from_product = Record a detention of this product
cases-state_label = State
cases-all_states = All states
cases-filter = Show
cases-empty = No case to show.
cases-next_deadline = Next deadline: { $date }
cases-new_title = Record a detention
cases-office = Customs office
cases-office_code = Office code
cases-office_name = Office name
cases-office_country = Office country (2 letters)
cases-office_from_profile = Your office, from your account page (change it there).
cases-office_not_in_profile = Give your office on your account page and it will be filled in here.
cases-occurred_at = Detained on
cases-procedure_title = Case and procedure
cases-case_type_label = Type of case
cases-procedure = Customs procedure
cases-transport_mode = Mode of transport
cases-route = Route
cases-origin = Origin
cases-departure = Departure
cases-destination = Destination
cases-country_hint = Two-letter country codes, such as CN, FR or GB.
cases-transport = Transport documents
cases-one_per_line = One per line.
cases-containers = Container numbers
cases-air_waybills = Air waybills
cases-bills_of_lading = Bills of lading
cases-consignor = Consignor
cases-consignee = Consignee
cases-declarant = Declarant or holder of the goods
cases-party_name = Name
cases-party_address = Address
cases-party_country = Country (2 letters)
cases-goods = Goods
cases-line = Line { $n }
cases-catalog_product = Catalog product
cases-description = Description
cases-quantity = Quantity
cases-unit = Unit
cases-hs_code = HS code
cases-declared_value = Declared value
cases-currency = Currency
cases-product_id = Catalog product number
cases-brand = Brand (catalog number, or as written on the goods)
cases-goods_hint = Empty lines are ignored. Each line needs a product or a brand.
cases-add_line = Add a line of goods
cases-default_unit = pieces
cases-notes = Notes
cases-notes_label = Notes for your administration (never shown to rights holders)
cases-detain_now = Detain and notify the rights holder
cases-review = Check the form
cases-record_title = Record
cases-save_draft = Save as a draft
cases-save_draft_hint = Nobody outside your administration is told; you can detain from the case page later.
cases-confirm_detain = The goods are detained: notify the rights holder and the declarant now.
cases-confirm_detain_required = Tick the confirmation first: detaining notifies the rights holder and the declarant at once.
cases-submit = Record the case
cases-case_title = Case { $reference }
cases-outcome_label = Outcome
cases-regime = Legal regime
cases-detained_at = Detained
cases-brands = Brands
cases-alert_matches = This case matches alerts
cases-deadlines = Deadlines
cases-notice_overdue = The declarant's notice is late.
cases-answered = Answer
cases-starts_on_objection = Starts only if the declarant objects.
cases-due_by = Due by { $date }
cases-overdue = Overdue
cases-due_office = { $date } ({ $office } at the office)
cases-form_problems = { $count ->
        [one] One thing to fix before the detention can be saved:
       *[other] { $count } things to fix before the detention can be saved:
    }
cases-last_day = Last working day today
cases-days_left = { $days ->
        [one] one working day left
       *[other] { $days } working days left
    }
cases-deemed = { $answer } (deemed, by silence)
cases-silence_means = Silence at the deadline means
cases-record_declarant_answer = Record the declarant's answer
cases-your_answer = Your answer
cases-note = Note
cases-send_answer = Send the answer
cases-ask_extension = Ask for an extension
cases-next_steps = Next steps
cases-close_note = What was done (e.g. goods destroyed)
cases-not_disclosed = Not disclosed.
cases-photo = Photo of the detained goods
cases-photos_title = Photos of the goods
cases-photos_label = Take or choose photos
cases-photos_hint = They are made smaller on the phone before sending. The rights holder sees them where the legal regime discloses the goods.
cases-photos_attached = Photos already attached
cases-photos_preparing = Preparing the photos…
cases-photos_ready = Photos ready to send: { $count }
cases-parties = Parties
cases-thread = Messages
cases-threads = Threads by rights holder
cases-no_messages = No message yet.
cases-message = Your message
cases-send_message = Send
cases-timeline = Timeline
cases-home_open = Open cases: { $count }
cases-home_alerts = Alerts in force for you
cases-home_no_alerts = No alert in force targets you.

## cases.action

cases-action-detain = Detain and notify the parties
cases-action-record_declarant_notice = Record that the declarant was notified
cases-action-decide = Decide
cases-action-close = Close the case

## cases.done

cases-done-step = Done: the case has moved on.
cases-done-answer = Your answer is recorded.
cases-done-extension = Your deadline is extended.
cases-done-message = Your message is sent.

## cases.state

cases-state-draft = Draft
cases-state-detained = Detained
cases-state-answered = Answered
cases-state-decided = Decided
cases-state-closed = Closed

## cases.outcome

cases-outcome-destruction = Destruction
cases-outcome-legal_proceedings = Legal proceedings
cases-outcome-released = Released

## cases.case_type

cases-case_type-standard = Standard
cases-case_type-small_consignment = Small consignment
cases-case_type-perishable = Perishable goods

## cases.procedures

cases-procedures-import = Import
cases-procedures-export = Export
cases-procedures-transit = Transit

## cases.party

cases-party-rights_holder = Rights holder
cases-party-declarant = Declarant

## cases.answer

cases-answer-agree_destruction = Agrees to destruction
cases-answer-object = Objects to destruction
cases-answer-start_proceedings = Starts legal proceedings
cases-answer-not_infringing = The goods do not infringe

## cases.silence

cases-silence-agree_destruction = agreement to destruction
cases-silence-release = the goods are released
cases-silence-none = nothing by itself

## cases.event

cases-event-created = Recorded
cases-event-detained = Detained, parties notified
cases-event-declarant_notified = Declarant notified
cases-event-decided = Decided
cases-event-closed = Closed
cases-event-answered = Answer
cases-event-deemed = Deemed answer (silence)
cases-event-obligation_started = Deadline started
cases-event-extended = Deadline extended
cases-event-alert_match = Alert matched
cases-event-edited = Edited
cases-event-shared = Shared
cases-event-share_withdrawn = Share withdrawn

## alerts

alerts-on_card = Alerts in force about this product
alerts-nav = Alerts
alerts-title = Alerts
alerts-intro = Warnings about suspect shipments, from rights holders and enforcement. New and edited cases are matched against the alerts in force.
alerts-new = Publish an alert
alerts-in_force = In force
alerts-none_in_force = No alert in force.
alerts-others = Withdrawn or expired
alerts-what = The alert
alerts-alert_title = Title
alerts-description = Description
alerts-targets = Who and what it targets
alerts-target_countries = Target countries
alerts-countries_hint = Two-letter codes separated by commas; empty for every country.
alerts-target_offices = Target customs offices (codes)
alerts-transport_modes = Modes of transport
alerts-origin_countries = Countries of origin
alerts-match_on = What to match
alerts-brands = Brands
alerts-brands_hint = One per line: the catalog number or the brand's name.
alerts-products = Catalog product numbers
alerts-suspect_parties = Suspect parties
alerts-transport_documents = Air waybills and bills of lading
alerts-hs_codes = HS codes (chapter, heading or subheading)
alerts-validity_title = Validity
alerts-valid_from = From
alerts-valid_to = Until (included)
alerts-publish = Publish the alert
alerts-everywhere = Every country
alerts-withdraw = Withdraw the alert
alerts-validity = From { $from } until { $to }
alerts-unknown_brand = No single brand in the catalog is named '{ $name }'; give its catalog number.
alerts-bad_product = '{ $value }' is not a product number.

## alerts.status

alerts-status-in_force = In force
alerts-status-withdrawn = Withdrawn
alerts-status-not_in_force = Not in force
alerts-reason-suspect_party = { $role } { $name } is a suspect party
alerts-reason-container = container { $container }
alerts-reason-document = transport document { $document }
alerts-reason-product = product: { $product }
alerts-reason-hs_code = HS code { $code }
alerts-reason-brand = brand no. { $brand }
alerts-reason-origin = origin: { $country }
alerts-brand_number = brand no. { $number }
alerts-product_number = product no. { $number }

## stats

stats-nav = Figures
stats-title = Figures
stats-intro = How the { $total } cases you may see stand and how they ended.
stats-by_outcome = Cases by outcome
stats-by_state = Cases by state
stats-cases = Cases
stats-chart = Chart

## ops

ops-ack_note = What you agreed with the other agency (optional)
ops-ack_hint = Once you have talked to the other agency's contact, say what you decided; they are told your answer, nothing else.
ops-you_said = You said
ops-other_said = The other agency said
ops-matched_on = matched on
ops-nav = Operations
ops-title = Operations
ops-coordination = Coordination
ops-hits_link = Hits and overview
ops-none = Your agency has no operation registered yet.
ops-new = Register an operation
ops-name = Name
ops-kind = Kind
ops-kind_hint = investigation, joint operation…
ops-status_label = Status
ops-starts_on = Starts on
ops-ends_on = Ends on
ops-period = Period
ops-contact = Point of contact
ops-contact_name = Name
ops-contact_phone = Phone (international)
ops-contact_email = E-mail
ops-confidentiality = Confidentiality
ops-tell_officer = When a detention matches a target, tell the officer who recorded it too (otherwise the hit is silent: only this point of contact hears of it)
ops-create = Register the operation
ops-on_detention = On a matching detention
ops-tell_both = both points of contact are told
ops-silent = silent: only this operation's point of contact is told
ops-targets = Targets
ops-targets_hint = Targets are compared with other agencies' only as keyed hashes of their normal form; nobody else reads them.
ops-target_kind = Kind
ops-target_value = Identifier
ops-country = Country (companies, vehicles)
ops-dob = Date of birth (persons)
ops-add_target = Add and check the target
ops-targets_added = Target added; { $hits ->
        [0] no hit
        [one] one hit
       *[other] { $hits } hits
    } with other agencies.
ops-events = Planned actions
ops-event_kind = Action
ops-place = Place
ops-window = When
ops-lat = Latitude
ops-lon = Longitude
ops-radius = Radius (m)
ops-starts_at = Starts
ops-ends_at = Ends
ops-note = Note
ops-add_event = Add and check the planned action
ops-event_added = Planned action added; { $conflicts ->
        [0] no conflict
        [one] one conflict
       *[other] { $conflicts } conflicts
    } with other agencies.
ops-active = active
ops-hits = Hits
ops-hits_hint = A hit tells you which of your own items met another agency's work and whom to call; neither side sees the other's file.
ops-no_hits = No hit so far.
ops-your_item = your item
ops-open_operation = open the operation
ops-contact_before = Contact before acting

## ops.status

ops-status-planned = Planned
ops-status-active = Active
ops-status-closed = Closed

## ops.level

ops-level-restricted = Restricted
ops-level-confidential = Confidential
ops-level-secret = Secret

## ops.kinds

ops-kinds-company = Company
ops-kinds-person = Person
ops-kinds-address = Address
ops-kinds-phone = Phone
ops-kinds-email = E-mail
ops-kinds-vehicle = Vehicle plate
ops-kinds-container = Container
ops-kinds-vessel = Vessel (IMO)
ops-kinds-air_waybill = Air waybill
ops-kinds-bill_of_lading = Bill of lading
ops-kinds-web_domain = Web domain
ops-kinds-iban = IBAN

## ops.event

ops-event-search = Search
ops-event-controlled_delivery = Controlled delivery
ops-event-inspection = Inspection
ops-event-surveillance = Surveillance

## ops.ack

ops-ack-go_ahead = We talked: we go ahead
ops-ack-stand_down = We talked: we stand down
ops-ack-merge = We talked: we work together

## ops.form

ops-form-name = the name as written
ops-form-word_set = the same words in another order
ops-form-words_joined = two words written as one
ops-form-transliterated = a name written out in Latin letters
ops-form-spelling = a spelling slip (check before acting)
ops-form-place_and_time = place and time

## ops.match

ops-match-target = Same target
ops-match-place_and_time = Same place and time
ops-match-detention = Detention of a target

## editor

editor-history_link = History
editor-edit_link = Edit
editor-history_title = History of { $name }
editor-no_history = No version has been saved yet.
editor-version = Version
editor-action = Change
editor-who = By
editor-when = When
editor-edit_title = Edit { $name }
editor-version_note = You are editing version { $version } of the draft.
editor-preview_link = Preview as an officer sees it
editor-conflict = Someone saved this product in the meantime; reload the page to see their changes, then make yours again.
editor-reload = Reload
editor-main = Main details
editor-identification = Identification
editor-hs_hint = The 6-digit HS subheading, e.g. 4202.21.
editor-gtins_hint = One GTIN per line (8, 12, 13 or 14 digits).
editor-markets_hint = Country codes such as FR, DE or US, separated by commas.
editor-kept = The other parts of the sheet (supply chain, security features, prices, model numbers, other languages) are kept as they are.
editor-save = Save the draft
editor-label = What the picture shows
editor-file = Picture
editor-upload_hint = JPEG, PNG or WebP. Metadata such as the GPS position is removed before storing.
editor-upload = Upload the picture
editor-upload_refused = This file was refused.
editor-remove_refused = The picture was not removed.
editor-add_indicator = Add an indicator
editor-side = It tells
editor-weight = Weight
editor-weight_hint = From 1 (a hint) to 5 (conclusive).
editor-image = Picture from the gallery
editor-no_image = No picture
editor-add = Add the indicator
editor-remove = Remove
editor-name = Name
editor-captions = Picture captions
editor-caption_in = Caption ({ $language })
editor-text_in = What to look at ({ $language })
editor-texts_in = Texts in { $language }

## editor.actions

editor-actions-create = Created
editor-actions-save = Saved
editor-actions-publish = Published
editor-actions-import = Imported

## editor.saved

editor-saved-main = Saved: the draft has a new version. Publish it for officers to see it.
editor-saved-image = The picture was added to the gallery.
editor-saved-image_removed = The picture was taken out of the gallery. Publish the draft for officers to see the change.
editor-saved-indicator = The indicator was added to the guide.
editor-saved-removed = The indicator was removed from the guide.

## editor.brand

editor-brand-edit_link = Edit the brand
editor-brand-title = Edit the brand { $name }
editor-brand-back = Back to the brand
editor-brand-conflict = Someone saved this brand in the meantime; reload the page to see their changes, then make yours again.
editor-brand-main = Names, sector and GS1 prefixes
editor-brand-name = Brand name
editor-brand-aliases_hint = One per line: other spellings and scripts the goods may bear, e.g. Maison Lumiere or メゾン・ルミエール.
editor-brand-prefixes = GS1 company prefixes
editor-brand-prefixes_hint = One per line, 6 to 12 digits: lets an officer trace an unknown barcode to you.
editor-brand-logo = Logo
editor-brand-no_logo = No logo yet.
editor-brand-logo_alt = Logo of { $name }
editor-brand-logo_file = Logo picture
editor-brand-logo_upload = Upload the logo
editor-brand-add_trademark = Add a trademark registration
editor-brand-classes_hint = Nice classes 1 to 45, separated by commas, e.g. 18, 25.
editor-brand-add_contact = Add a contact
editor-brand-contact_name = Name or desk
editor-brand-country_hint = The country this contact answers for (e.g. FR); leave empty for all countries.
editor-brand-languages_hint = Two-letter codes separated by commas, e.g. en, fr.
editor-brand-hours_hint = With the time zone, e.g. Mon–Fri 08:00–18:00 CET.
editor-brand-representatives = Representatives
editor-brand-representatives_hint = Representative organisations you delegate to edit this brand's sheets and answer for it; they cannot change who sees your confidential sections.
editor-brand-no_representatives = No representative acts for this brand.
editor-brand-representative = Representative organisation
editor-brand-delegate = Let it act for the brand
editor-brand-revoke = Stop delegating
editor-brand-audience = Who sees the confidential sections
editor-brand-audience_hint = Officers outside this audience see that a section is withheld and whom to ask. Only your organisation changes this; each change is audited.
editor-brand-audience_sections = Sections kept for the audience
editor-brand-audience_countries = Countries whose enforcement authorities are in the audience
editor-brand-audience_organisations = Enforcement organisations in the audience
editor-brand-contact_texts_in = Contacts' names and hours ({ $language })

## editor.brand.saved

editor-brand-saved-main = Saved: the brand's draft has a new version. Publish the brand for officers to see it.
editor-brand-saved-trademark = The trademark registration was added to the draft.
editor-brand-saved-contact = The contact was added to the draft.
editor-brand-saved-logo = The logo was stored and added to the draft.
editor-brand-saved-removed = Removed from the draft.
editor-brand-saved-representative = The brand's representatives were updated.
editor-brand-saved-audience = The audience of the confidential sections was saved. It applies at once, without publishing, so that withdrawing a section takes effect immediately.

## editor.supply

editor-supply-link = Security features and supply chain
editor-supply-title = Security features and supply chain of { $name }
editor-supply-main_link = Main details, pictures and guide
editor-supply-confidential_hint = Officers see these parts once you publish, unless your brand keeps them for the authorities you chose.
editor-supply-no_features = No security feature described yet.
editor-supply-add_feature = Add a security feature
editor-supply-kind = Kind
editor-supply-kind_hint = e.g. hologram, serialised code, tamper seal, UV ink.
editor-supply-countries = Countries where the genuine product is made
editor-supply-parties = Manufacturers and authorised importers, exporters and distributors
editor-supply-no_parties = No party named yet.
editor-supply-add_party = Add a party
editor-supply-identifier_hint = EORI, registration or similar number, if you have it.
editor-supply-market_hint = The market it is authorised for (e.g. DE), if it serves one.
editor-supply-no_routes = No usual route given yet.
editor-supply-add_route = Add a route

## editor.supply.saved

editor-supply-saved-feature = The security feature was added to the draft.
editor-supply-saved-manufacturing = The manufacturing countries were saved in the draft.
editor-supply-saved-party = The party was added to the draft.
editor-supply-saved-route = The route was added to the draft.
editor-supply-saved-removed = Removed from the draft.

## identify

identify-live_start = Scan with the camera
identify-live_stop = Stop the camera
identify-live_aim = Aim at the barcode and hold still.
identify-live_denied = The camera could not be opened; take a photo with the form below instead.
identify-found_brands = Brands
identify-found_products = Products
identify-catalog_search_label = Brand or product
identify-catalog_search_hint = A name or part of it, an alias, a GTIN or a model number; misspellings are forgiven.
identify-nav = Identify
identify-home_card = Identify a product: photo of the barcode, code or name
identify-title = Identify a product
identify-intro = Photograph the barcode, type the code printed under it, or type the product's or brand's name.
identify-result = What the code identifies
identify-choose = Several codes were read: choose the one on the goods
identify-code_read = Code read
identify-check_code = Compare the code read with the digits printed under the barcode: a worn or creased label can be misread.
identify-open_card = Open the product card
identify-look_up_corrected = Look up { $code }
identify-photo_title = Photo of the barcode
identify-photo_label = Take or choose a photo
identify-photo_hint = JPEG, PNG or WebP, up to { $max } MB. Hold the barcode flat, lit and in focus.
identify-photo_submit = Read the barcode
identify-code_title = Type a code
identify-code_label = GTIN, GS1 code or Digital Link
identify-code_hint = The digits under the barcode (e.g. 4006381333931), a GS1 string such as (01)04006381333931(10)ABC, or a https:// link from a QR code.
identify-code_submit = Look up the code
identify-name_title = Search by name
identify-name_label = Product or brand name
identify-name_hint = Misspellings are forgiven; accents and capitals do not matter.
identify-name_submit = Search
identify-no_hits = Nothing published matches "{ $query }". Check the spelling, or try the brand's name or the digits under the barcode.
identify-kind_brand = Brand
identify-q_required = Type a product or brand name to search for.
identify-several = { $count } barcodes were read from the photo.
identify-no_barcode = No barcode was found in this photo. Hold the camera closer, with the barcode flat, lit and in focus, and try again, or type the digits printed under it.
identify-product = { $product } by { $brand }.
identify-brand_only = No product is registered with GTIN { $gtin }, but its company prefix { $prefix } belongs to { $brand }: ask its contacts below.
identify-not_registered = Nothing is registered in Touchstone for GTIN { $gtin }: no product has it and no brand owns its company prefix.
identify-check_digit = This code has a wrong check digit: with these digits the last one should be { $expected }, not { $found }. Check the digits you typed or read.
identify-check_digit_ai = In AI ({ $ai }) the check digit should be { $expected }, not { $found }. Check the digits you typed or read.
identify-invalid = This code is not valid: { $reason }.
identify-no_gtin = This GS1 code carries no GTIN, so it does not name a product.
identify-not_a_code = This is not a product code (a GTIN, a GS1 code or a GS1 Digital Link).
identify-error_form = The photo could not be received; choose the photo again and send the form.
identify-error_empty_file = The photo is empty; take or choose the photo again.
identify-error_file_too_large = This photo is larger than { $max } MB; take a closer, smaller photo of the barcode.
identify-error_unsupported_type = This file is not a JPEG, PNG or WebP picture; take a photo of the barcode with the camera.
identify-error_too_many_pixels = This picture is far too large to read (too many pixels); take a normal photo of the barcode.
identify-error_corrupt_file = This picture is damaged and cannot be read; take the photo again.
identify-error_processing_timeout = Reading this photo took too long; take a closer photo of the barcode alone.
identify-identified_photo = Read from your photo: { $code } ({ $format }).
identify-identified_code = Found with the code { $code }.
identify-identified_check = Compare it with the digits under the barcode: if they differ, identify the product again.
identify-again = Identify another product
identify-results_for = Results for "{ $query }"
identify-hit_picture = The genuine { $product }
identify-search_again = Search again
identify-shrinking = Making a smaller copy of the photo to send it faster…
identify-reading_here = Looking for the barcode on the phone…
identify-sending = Sending the photo: { $percent } % of { $size }
identify-sent = Photo sent; reading the barcode…
identify-send_failed = The photo could not be sent: check the network, then try again.
identify-size_kb = { $n } kB
identify-size_mb = { $n } MB
identify-no_barcode_shrunk = No barcode could be read in the smaller copy of the photo that was sent to save time. Send the original photo (larger, slower to send), or take a closer photo.
identify-send_original = Send the original photo

## grants

grants-nav = Access grants
grants-access_nav = Access
grants-title = Access grants
grants-intro = Police forces and other agencies reach the enforcement side only through a grant: scoped, with an end date, revocable at once. Everything here is recorded in the audit trail.
grants-requests = Requests for access
grants-no_requests = No agency has asked for access.
grants-reason = Reason
grants-asked_by = Asked by
grants-answer_with_grant = Answer with a grant
grants-decline = Decline
grants-list = Grants
grants-none = No grant yet.
grants-in_force = in force
grants-ended = ended
grants-given_by = Given by
grants-revoked_at = revoked on
grants-scopes = Access to
grants-expires_on = Last day
grants-change = Save the changes
grants-revoke = Revoke now
grants-give = Give a grant
grants-no_agencies = No police force or other agency of your country is registered yet.
grants-grantor = In the name of
grants-grantee = Agency
grants-access_title = Access to the enforcement side
grants-access_intro = Your organisation reaches what an access grant opens. A customs administration of your country, or the platform's administrators, give grants; ask here and they are told at once.
grants-opens = What it opens
grants-held = Held now
grants-yes = Yes
grants-no = No
grants-whom = Who can grant access
grants-ask = Ask for access
grants-why = What you need it for
grants-ask_button = Send the request
grants-request_sent = Your request was sent; you will see the answer here and in your inbox.
grants-your_requests = Your requests
grants-open = waiting for an answer
grants-no_grant_hint = Your organisation has no access grant for this yet.

## grants.scope

grants-scope-catalog_alerts = Catalog and alerts
grants-scope-case_sharing = Shared cases
grants-scope-coordination = Operations coordination

## grants.scope_help

grants-scope_help-catalog_alerts = The published product catalog, Identify, and the alerts that target your organisation.
grants-scope_help-case_sharing = Detentions a customs administration shares with you, and their threads.
grants-scope_help-coordination = Register operations and targets, and learn when another agency works the same target.

## grants.outcome

grants-outcome-granted = granted
grants-outcome-declined = declined

## content

# Beside a text shown in another language than the reader's, because it has no version in theirs.
content-not_translated = not translated
content-languages = Languages of the texts
content-editing_note = Texts in: { $language }. Readers whose language has no version are shown the fallback language's ({ $fallback }), given under each field. Saving changes this language's texts only.
content-missing = { $count ->
    [0] complete
    [one] { $count } text missing
   *[other] { $count } texts missing
    }
content-fallback_language = fallback language
content-fallback_choice = Fallback language
content-fallback_hint = Readers whose language has no version of a text are shown it in this language, marked as not translated. Texts written without a language count as this language's.
content-fallback_text = { $language } (fallback):

## gs1

# What a GS1 code carries, named field by field (Application Identifiers).
gs1-ai_other = AI ({ $ai })
gs1-ai-01 = GTIN
gs1-ai-02 = GTIN of the contained items
gs1-ai-10 = Batch or lot
gs1-ai-11 = Production date
gs1-ai-13 = Packaging date
gs1-ai-15 = Best before
gs1-ai-16 = Sell by
gs1-ai-17 = Expiry
gs1-ai-21 = Serial number
gs1-ai-22 = Consumer product variant
gs1-ai-240 = Additional product identification
gs1-ai-241 = Customer part number
gs1-ai-30 = Count of items
gs1-ai-37 = Count of trade items
gs1-ai-400 = Customer's order number
gs1-ai-414 = Location (GLN)
gs1-ai-422 = Country of origin
gs1-ai-8003 = Returnable asset (GRAI)
gs1-ai-8004 = Individual asset (GIAI)

## offline

# A page served from what the phone kept, without network; $when is a date and time.
offline-kept = Kept data, not live: no network, this page is the copy saved on this phone on { $when }.
offline-no_card = No network, and no product card kept on this phone for the code { $code }. Try again when the network returns.
# On Identify: $count cards, $size the space used (e.g. 1.2 MB), $when the last sync.
offline-store = Product cards kept on this phone for use without network: { $count } ({ $size }), last synced on { $when }.
offline-store_empty = No product card kept on this phone yet: the cards you open while online are kept for use without network.
offline-queue_title = Detentions recorded without network
offline-queued = No network: the detention is kept on this phone and will be sent as soon as the network returns.
offline-waiting = Waiting to be sent
offline-sent = Sent
offline-open_case = Open the case
offline-refused = Refused by the server, to record again
offline-signin = sign in again to send it
offline-photos = Photos: { $count }
offline-pin = Keep this brand's cards on this phone
offline-unpin = Stop keeping this brand's cards
offline-pinning = Keeping the cards…
offline-pinned_done = Kept on this phone, to open without network: { $count } cards ({ $size }), synced on { $when }.
offline-pin_failed = The cards could not be kept: no network, or no room on the phone.
offline-pin_sector = Keep this sector's cards on this phone
offline-unpin_sector = Stop keeping this sector's cards
offline-pin_over_budget = Not kept: with these, { $count } cards would be kept for brands and sectors, and this phone keeps at most { $max }. Stop keeping a brand or a sector first.
offline-pin_partial = Only { $count } of { $total } cards kept: the room for brands and sectors on this phone ({ $max_size }) is full. Stop keeping a brand or a sector to keep the rest.
offline-budget = Kept for brands and sectors: { $cards } of at most { $max } cards, { $size } of at most { $max_size }.
offline-pinned_list = Brands and sectors kept on this phone: { $pins }
offline-pinned_item = { $title } ({ $count } cards, synced on { $when })

## time

# A moment as a reader reads it: $time is 24-hour hh:mm, $zone the zone (CET, UTC+04).
time-datetime = { $day } { $month } { $year }, { $time } { $zone }
time-date = { $day } { $month } { $year }
time-month_1 = Jan
time-month_2 = Feb
time-month_3 = Mar
time-month_4 = Apr
time-month_5 = May
time-month_6 = Jun
time-month_7 = Jul
time-month_8 = Aug
time-month_9 = Sep
time-month_10 = Oct
time-month_11 = Nov
time-month_12 = Dec
time-your_zone = Times are on your clock: { $zone }. Your account page changes it.

## list

# Between the items of a list written in a sentence.
punctuation-colon = {":"}
list-separator = {", "}

## notice

# Notifications: each is written in its reader's language when shown or e-mailed.
notice-email_footer = You receive this as a member of your organisation on Touchstone; your inbox there lists every notification, and lets you turn these e-mails off.
notice-case_message-subject = New message on case { $case }
notice-case_shared-subject = Case { $case } shared with you
notice-case_detained-subject = Goods bearing your marks detained: case { $case }
notice-case_detained-body = Open the case to answer before the deadline.
notice-case_step-subject = Case { $case }: { $step }
notice-case_step_outcome-subject = Case { $case }: { $step }, { $outcome }
notice-case_answered-subject = Case { $case }: the rights holder answered “{ $answer }”
notice-case_extended-subject = Case { $case }: the rights holder extended its deadline to { $due }
notice-case_answer_required-subject = Case { $case }: the declarant objects; answer by { $due }
notice-case_answer_required-body = Start proceedings before the deadline, or the goods are released.
notice-case_ready-subject = Case { $case } is ready for decision: { $outcome }
notice-deadline_reminder-subject = Case { $case }: your answer is due by { $due }
notice-deadline_reminder-body = Silence at the deadline means: { $silence }.
notice-alert_match-subject = Your alert “{ $title }” matched a detention
notice-hit-subject = Coordination: another agency is working on your { $item } “{ $label }”
notice-hit-contact = Contact before acting: { $contact }.
notice-hit-matched = Matched on: { $match } ({ $form }). The other agency's file is not shown to you, nor yours to them.
notice-hit_acknowledged-subject = Coordination: the other agency acknowledged ({ $outcome })
notice-hit_acknowledged-body = The other agency acknowledged a hit you share: { $outcome }.
notice-hit_reminder-subject = Coordination: a hit on “{ $label }” is not acknowledged yet
notice-hit_reminder-body = Call the other agency's contact, then say on the hit what you decided.
notice-access_granted-subject = Access granted: { $scopes }
notice-access_granted-body = Your organisation was granted access ({ $scopes }) until { $expires }.
notice-access_revoked-subject = Access revoked
notice-access_revoked-body = The access grant of your organisation ({ $scopes }) was revoked.
notice-access_requested-subject = { $agency } asks for access
notice-access_requested-body = { $agency } ({ $country }) asks for access: { $scopes }.
notice-access_requested-reason = Reason: { $reason }
notice-access_requested-by = Asked by: { $by }
notice-access_declined-subject = Access request declined
notice-access_declined-body = Your request for access ({ $scopes }) was declined by { $by }.

## notice.item

notice-item-target = target
notice-item-detention = detention
notice-item-planned_action = planned action

## audit.action

audit-action-access_decline = Access request declined
audit-action-access_request = Access requested
audit-action-alert_create = Alert created
audit-action-alert_update = Alert changed
audit-action-audit_read = Audit trail read
audit-action-brand_confidentiality = Brand confidentiality changed
audit-action-brand_create = Brand created
audit-action-brand_delegate = Brand delegated
audit-action-brand_publish = Brand published
audit-action-brand_revoke_delegation = Brand delegation withdrawn
audit-action-brand_update = Brand changed
audit-action-case_answer = Case answered
audit-action-case_create = Case recorded
audit-action-case_detain = Goods detained
audit-action-case_extension = Deadline extended
audit-action-case_message = Message on a case
audit-action-case_read = Case read
audit-action-case_share = Case shared
audit-action-case_share_withdrawn = Case share withdrawn
audit-action-case_shared_with = Case received in share
audit-action-case_thread_read = Case thread read
audit-action-case_transition = Case step
audit-action-case_update = Case changed
audit-action-catalog_import = Catalog imported
audit-action-catalog_read = Catalog read
audit-action-catalog_read_confidential = Confidential sections read
audit-action-coordination_hit = Coordination hit
audit-action-coordination_hit_ack = Hit acknowledged
audit-action-grant_change = Access grant changed
audit-action-grant_create = Access granted
audit-action-grant_received = Access grant received
audit-action-grant_revoke = Access revoked
audit-action-media_demo_pictures = Demo pictures added
audit-action-media_upload = File uploaded
audit-action-notify_email_preference = E-mail preference changed
audit-action-operation_create = Operation registered
audit-action-operation_event = Planned action added
audit-action-operation_targets = Targets added
audit-action-operation_update = Operation changed
audit-action-organisation_create = Organisation created
audit-action-organisation_set_api_limits = API limits set
audit-action-organisation_set_email_domains = E-mail domains set
audit-action-party_export = Party's data exported (lawful request)
audit-action-product_create = Product created
audit-action-product_publish = Product published
audit-action-product_update = Product changed
audit-action-retention_purge = Personal data purged (retention)
audit-action-sign_in = Signed in
audit-action-sign_in_failed = Sign-in failed
audit-action-sign_in_refused_deactivated = Sign-in refused: account deactivated
audit-action-sign_in_refused_locked = Sign-in refused: account locked
audit-action-sign_in_second_factor = Second factor accepted
audit-action-sign_in_second_factor_failed = Wrong second-factor code
audit-action-sign_out = Signed out
audit-action-token_create = API token created
audit-action-token_revoke = API token revoked
audit-action-user_change_password = Password changed
audit-action-user_create = User created
audit-action-user_deactivate = User deactivated
audit-action-user_reactivate = User reactivated
audit-action-user_locked = Account locked
audit-action-user_reset_credentials = Credentials reset
audit-action-user_second_factor_enabled = Second factor enabled
audit-action-user_second_factor_enrolment_started = Second-factor enrolment started
audit-action-user_set_language = Language or time zone changed
audit-action-user_set_office = Customs office changed
audit-action-verify_serial_status = Serial status changed
audit-action-verify_serials_import = Serials imported
audit-action-verify_service_registered = Verification service registered
audit-action-verify_service_removed = Verification service removed
audit-action-webhook_create = Webhook added
audit-action-webhook_delete = Webhook removed

## audit.target

audit-target-access_request = access request
audit-target-alert = alert
audit-target-api_token = API token
audit-target-audit = audit trail
audit-target-brand = brand
audit-target-case = case
audit-target-grant = access grant
audit-target-hit = hit
audit-target-media = file
audit-target-operation = operation
audit-target-organisation = organisation
audit-target-product = product
audit-target-products = products
audit-target-user = user
audit-target-webhook = webhook
audit-target-target = target
audit-target-detention = detention
audit-target-planned_action = planned action
audit-target-serial = serial
audit-target-party = party
audit-target-retention = retention

## audit.who

audit-console = the command line
audit-regime = the legal procedure
audit-alerts = the alert matcher
audit-anonymous = not signed in
audit-system = system: { $worker }

## regime

# The built-in legal regimes' names; a regime a deployment configures keeps its own.
regime-eu_608_2013 = EU Regulation (EU) No 608/2013

## Serial number checks (issue 18): evidence for the officer, not a legal finding
verify-title = Serial number check
verify-evidence = This is evidence for your examination, not a legal finding.
verify-checked_registry = Checked on { $when } against the serial numbers the rights holder registered.
verify-checked_service = Checked on { $when } with the rights holder's own verification service.
verify-heading_registered_active = Registered and active
verify-explain_registered_active = The rights holder registered this serial number for this product and it is active; the batch and expiry read match. This supports, but does not prove, that the item is genuine.
verify-heading_unknown_serial = Unknown serial number
verify-explain_unknown_serial = The rights holder has not registered this serial number for this product, though it registers the serial numbers of its genuine items: a sign that the item may be counterfeit. Ask the rights holder.
verify-heading_batch_or_expiry_mismatch = Batch or expiry does not match
verify-explain_mismatch_batch = This serial number is registered, but the batch read on the item differs from the one the rights holder registered with it: a sign of a counterfeit or relabelled item. Ask the rights holder.
verify-explain_mismatch_expiry = This serial number is registered, but the expiry date read on the item differs from the one the rights holder registered with it: a sign of a counterfeit or relabelled item. Ask the rights holder.
verify-explain_mismatch_both = This serial number is registered, but the batch and the expiry date read on the item differ from those the rights holder registered with it: a sign of a counterfeit or relabelled item. Ask the rights holder.
verify-heading_status_recalled = Recorded as recalled
verify-explain_status_recalled = The rights holder has recorded this serial number as recalled: an item bearing it should no longer be on the market. Ask the rights holder.
verify-heading_status_destroyed = Recorded as destroyed
verify-explain_status_destroyed = The rights holder has recorded this serial number as destroyed: an item bearing it should no longer exist, so the code may have been copied. Ask the rights holder.
verify-heading_status_stolen = Recorded as stolen
verify-explain_status_stolen = The rights holder has recorded this serial number as stolen: this item may come from a theft. Ask the rights holder.
verify-heading_status_exported = Recorded as exported
verify-explain_status_exported = The rights holder has recorded this serial number as exported: the item was meant to leave the market it was registered for. Ask the rights holder.
verify-heading_status_sample = Recorded as a sample
verify-explain_status_sample = The rights holder has recorded this serial number as a sample: the item was not meant for sale. Ask the rights holder.
verify-heading_possible_clone = Possible clone
verify-explain_possible_clone = This serial number is registered and active, but it has been checked { $scans ->
        [one] once
       *[other] { $scans } times
    } in { $countries ->
        [one] one country
       *[other] { $countries } countries
    } within { $hours } hours, the last time before this on { $last }. A genuine item is in one place at a time, so the code may have been copied onto other items. Ask the rights holder.
verify-heading_not_serialised = No serial numbers registered
verify-explain_not_serialised = The rights holder has registered no serial numbers for this product, so this one cannot be checked here: this says nothing either way.
verify-heading_could_not_verify = Could not verify
verify-explain_could_not_verify = The rights holder's verification service gave no verdict that can be trusted, so this serial number could not be verified: this says nothing either way, and never that the item is genuine. Ask the rights holder.
verify-reason_service_unreachable = Its service could not be reached.
verify-reason_service_timeout = Its service did not answer in time.
verify-reason_service_error = Its service answered with an error.
verify-reason_bad_signature = Its answer was not signed with the rights holder's key, so it was refused.
verify-reason_bad_answer = Its answer could not be read.
verify-heading_not_checked = Serial number not checked
verify-explain_not_checked = This card was opened from a link, a bookmark or the copy kept on this phone, so the serial number was not checked this time. Identify the code again to check it.

## The brand owner's verification service page
verify-service-link = Verification service
verify-service-title = Connected verification service
verify-service-intro = Instead of uploading your serial numbers, you may answer the officers' checks of this brand's serial numbers from your own verification service. Each check of a code carrying a serial number is then sent to it; an answer that is late, unsigned or wrongly signed is shown to the officer as "could not verify", never as genuine.
verify-service-protocol = Touchstone sends a POST with the GTIN, the serial number, the batch, the expiry and the country of the office (never who checks), signed as webhooks are: X-Touchstone-Signature is sha256= and the HMAC-SHA256 of the timestamp, a dot and the body under your secret. Answer 200 with the request_id you received and a status (active, unknown, recalled, destroyed, stolen, exported, sample), signed the same way, within { $seconds } seconds. Only the brand owner's administrators manage this service.
verify-service-secret_once = Your service's secret is shown below this once only: store it now in your verification service. Registering again makes a new one.
verify-service-current = Registered service
verify-service-url = Service address
verify-service-since = Registered or last replaced { $when }.
verify-service-failures = Checks it gave no verdict for, last 7 days
verify-service-no_failures = None: every check got a signed answer in time.
verify-service-reason = Reason
verify-service-checks = Checks
verify-service-last = Last
verify-service-remove = Remove the service
verify-service-none = No service is registered: checks use the serial numbers you uploaded.
verify-service-register_title = Register a service
verify-service-replace_title = Replace the service
verify-service-register = Register
verify-service-replace = Replace, with a new secret
