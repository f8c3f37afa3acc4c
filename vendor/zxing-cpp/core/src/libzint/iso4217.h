#include "../../../zint/backend/iso4217.h"
