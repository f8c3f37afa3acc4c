#include "../../../zint/backend/iso3166.h"
